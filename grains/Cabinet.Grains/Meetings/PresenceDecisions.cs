using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// Attendance follows connections: a participant is present while at least one of their connections is open.
/// Only the transitions (arrived, left) are events and ledger entries; extra tabs change nothing.
/// </summary>
internal static class PresenceDecisions
{
    public static Decision Arrive(MeetingState s, MeetingCommand c, bool firstConnection)
    {
        if (!MeetingAccess.CanView(s, c.Actor))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        var entry = s.Attendance.FirstOrDefault(a => a.UserName == c.Actor.UserName);
        if (!firstConnection || entry is null || entry.Connected || s.Status == MeetingStatus.Closed)
        {
            return Decision.Unchanged;
        }

        var late = entry.FirstJoinedAt is null ? s.Status == MeetingStatus.Live : entry.JoinedLate;
        var update = entry with { Connected = true, FirstJoinedAt = entry.FirstJoinedAt ?? c.At, JoinedLate = late };
        return Decision.Accept(
            s with { Attendance = s.Attendance.Replace(entry, update) },
            c.EventOn(s, MeetingEventKinds.ParticipantJoined) with { AttendanceUpdate = update },
            new { c.Actor.UserName, Late = late });
    }

    public static Decision Leave(MeetingState s, MeetingCommand c, string userName, bool lastConnection)
    {
        var entry = s.Attendance.FirstOrDefault(a => a.UserName == userName);
        if (!lastConnection || entry is null || !entry.Connected || s.Status == MeetingStatus.Closed)
        {
            return Decision.Unchanged;
        }

        var update = entry with { Connected = false, LastLeftAt = c.At };
        return Decision.Accept(
            s with { Attendance = s.Attendance.Replace(entry, update) },
            c.EventOn(s, MeetingEventKinds.ParticipantLeft) with { AttendanceUpdate = update },
            new { UserName = userName });
    }
}
