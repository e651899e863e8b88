using System.Collections.Immutable;
using Cabinet.Integration;

namespace Cabinet.Closing;

[GenerateSerializer]
public sealed record IntegrationOutboxState
{
    /// <summary>Archived meetings written before the outbox was drained (nobody could subscribe then); cleared on the first drain.</summary>
    [Id(0)] public ImmutableArray<MeetingArchived> Pending { get; init; } = [];

    [Id(1)] public ImmutableArray<IntegrationEvent> Events { get; init; } = [];

    /// <summary>Organisations with at least one subscription: bounded by the number of organisations.</summary>
    [Id(2)] public ImmutableArray<string> Subscribed { get; init; } = [];
}
