using System.Collections.Immutable;

namespace Cabinet.Closing;

[GenerateSerializer]
public sealed record IntegrationOutboxState
{
    [Id(0)] public ImmutableArray<MeetingArchived> Pending { get; init; } = [];
}
