using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The hosts' observers that follow a meeting (one per host, as grain ids), stored so that a new activation — after
/// a failed write, a dead host, idle collection or a move — pushes the next event to them instead of waiting for them to renew.
/// </summary>
[GenerateSerializer]
public sealed record FollowerState
{
    [Id(0)] public ImmutableArray<string> Observers { get; init; } = [];
}
