using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>A meeting's open connections by connection id, stored so that presence survives a new activation of the grain.</summary>
[GenerateSerializer]
public sealed record ConnectionState
{
    [Id(0)] public ImmutableDictionary<string, OpenConnection> Open { get; init; } = ImmutableDictionary<string, OpenConnection>.Empty;
}
