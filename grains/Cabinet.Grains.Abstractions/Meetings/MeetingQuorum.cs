using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// What the live header shows: "Có mặt X/Y thành viên — đủ / chưa đủ điều kiện". Worked out from the participants,
/// who is connected and the meeting's rules (<see cref="Seats"/>), so it needs no event of its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-quorum")]
public sealed record MeetingQuorum(int MembersTotal, int MembersPresent, int Required, bool Met)
{
    public static MeetingQuorum Of(ImmutableArray<Participant> participants, ImmutableArray<Presence> attendance, MeetingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var connected = attendance.IsDefault ? [] : attendance.Where(a => a.Connected).Select(a => a.UserName).ToHashSet(StringComparer.Ordinal);
        var holders = Seats.Holders(participants, rules);
        var present = holders.Count(connected.Contains);
        var required = rules.Quorum.RequiredPresent(holders.Length);
        return new MeetingQuorum(holders.Length, present, required, present >= required);
    }
}
