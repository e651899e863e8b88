using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// Attendance follows connections: a participant is present while at least one of their connections is open.
/// Only the transitions (arrived, left) are events and ledger entries; extra tabs change nothing. The people whose
/// connections changed since the last presence write are settled together: one person gives the usual
/// <c>presence.joined</c> / <c>presence.left</c> event, several give one <c>presence.changed</c>.
/// </summary>
internal static class PresenceDecisions
{
    public static Decision Settle(MeetingState s, MeetingCommand c, IEnumerable<string> userNames, Func<string, bool> connected)
    {
        if (s.Status == MeetingStatus.Closed)
        {
            return Decision.Unchanged;
        }

        var attendance = s.Attendance;
        var updates = ImmutableArray.CreateBuilder<Presence>();
        var joined = new List<object>();
        var left = new List<string>();
        foreach (var userName in userNames.Distinct(StringComparer.Ordinal))
        {
            var entry = attendance.FirstOrDefault(a => a.UserName == userName);
            if (entry is null || entry.Connected == connected(userName))
            {
                continue;
            }

            var update = entry.Connected ? Leave(entry, c) : Arrive(entry, c, s.Status == MeetingStatus.Live);
            attendance = attendance.Replace(entry, update);
            updates.Add(update);
            if (update.Connected)
            {
                joined.Add(new { UserName = userName, Late = update.JoinedLate });
            }
            else
            {
                left.Add(userName);
            }
        }

        if (updates.Count == 0)
        {
            return Decision.Unchanged;
        }

        var next = s with { Attendance = attendance };
        if (updates.Count == 1)
        {
            var only = updates[0];
            return only.Connected
                ? Decision.Accept(next, c.EventOn(s, MeetingEventKinds.ParticipantJoined) with { AttendanceUpdate = only }, joined[0])
                : Decision.Accept(next, c.EventOn(s, MeetingEventKinds.ParticipantLeft) with { AttendanceUpdate = only }, new { UserName = left[0] });
        }

        return Decision.Accept(next, c.EventOn(s, MeetingEventKinds.AttendanceChanged) with { AttendanceUpdates = updates.ToImmutable() },
            new { Joined = joined, Left = left });
    }

    private static Presence Arrive(Presence entry, MeetingCommand c, bool live) => entry with
    {
        Connected = true,
        FirstJoinedAt = entry.FirstJoinedAt ?? c.At,
        JoinedLate = entry.FirstJoinedAt is null ? live : entry.JoinedLate,
    };

    private static Presence Leave(Presence entry, MeetingCommand c) => entry with { Connected = false, LastLeftAt = c.At };
}
