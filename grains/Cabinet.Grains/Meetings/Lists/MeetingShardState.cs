using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>One index shard: its entries by meeting id, and whether its owner's catalog already lists it.</summary>
[GenerateSerializer]
public sealed record MeetingShardState<T>
{
    [Id(0)] public ImmutableDictionary<string, T> Entries { get; init; } = ImmutableDictionary<string, T>.Empty;
    [Id(1)] public bool Cataloged { get; init; }
}
