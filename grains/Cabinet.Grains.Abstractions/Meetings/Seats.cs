using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The members' seats of a meeting (chair and delegates) and who holds each one now: the member, or their deputy
/// when the member sent one and the rules let deputies vote. Quorum, voting and the minutes all count from here, so
/// the member total is the same everywhere.
/// </summary>
public static class Seats
{
    public static ImmutableArray<Participant> Members(ImmutableArray<Participant> participants) =>
        participants.IsDefault ? [] : [.. participants.Where(p => p.IsMember)];

    /// <summary>The user name that counts and votes for each seat, in the members' order.</summary>
    public static ImmutableArray<string> Holders(ImmutableArray<Participant> participants, MeetingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!rules.DeputiesVote || participants.IsDefault)
        {
            return [.. Members(participants).Select(m => m.UserName)];
        }

        // One pass over the list, not one per member: the quorum is worked out on every arrival in a meeting of thousands.
        var deputies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in participants.Where(p => p.DeputyFor is not null))
        {
            deputies.TryAdd(p.DeputyFor!, p.UserName);
        }

        return [.. Members(participants).Select(m => deputies.GetValueOrDefault(m.UserName, m.UserName))];
    }

    /// <summary>The person attending in <paramref name="userName"/>'s place, if any.</summary>
    public static Participant? DeputyOf(ImmutableArray<Participant> participants, string userName) =>
        participants.IsDefault ? null : participants.FirstOrDefault(p => p.DeputyFor == userName);
}
