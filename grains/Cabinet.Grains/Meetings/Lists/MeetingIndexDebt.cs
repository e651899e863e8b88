using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// What the meeting still owes its indexes, stored with the command that caused it: a push that fails, or a crash
/// before it, is repaired from here on the next activation or timer. Cleared in memory once pushed (the next write
/// stores that), so at worst a repair repeats a push the indexes already have, which changes nothing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MeetingIndexDebt
{
    /// <summary>The organisation's listing must be pushed.</summary>
    [Id(0)] public bool Listing { get; init; }

    /// <summary>People whose invitation must be pushed (skipped if they are no longer participants).</summary>
    [Id(1)] public ImmutableArray<string> Invited { get; init; } = [];

    /// <summary>Organisation shards the meeting has left (its month changed).</summary>
    [Id(2)] public ImmutableArray<string> OrganizationRemovals { get; init; } = [];

    /// <summary>Person shards the meeting has left (the person was removed, or the year changed).</summary>
    [Id(3)] public ImmutableArray<string> PersonRemovals { get; init; } = [];

    /// <summary>Not known what the indexes hold (a meeting from before them, or an explicit repair): push everything.</summary>
    [Id(4)] public bool Everything { get; init; }

    public static MeetingIndexDebt All { get; } = new() { Listing = true, Everything = true };
}
