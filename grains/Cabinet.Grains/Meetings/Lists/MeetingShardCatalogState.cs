using System.Collections.Immutable;

namespace Cabinet.Meetings;

[GenerateSerializer]
public sealed record MeetingShardCatalogState
{
    /// <summary>Months (<c>yyyy-MM</c>) or years (<c>yyyy</c>), in ordinal order.</summary>
    [Id(0)] public ImmutableArray<string> Periods { get; init; } = [];
}
