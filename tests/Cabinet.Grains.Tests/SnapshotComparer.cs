using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>
/// Snapshots hold immutable arrays (compared by reference in records); compare them by content. The server's clock at
/// reading (<see cref="MeetingSnapshot.ServerTime"/>) is not meeting state and is left out.
/// </summary>
public sealed class SnapshotComparer : IEqualityComparer<MeetingSnapshot>
{
    public static SnapshotComparer Instance { get; } = new();

    public bool Equals(MeetingSnapshot? x, MeetingSnapshot? y) =>
        x is not null && y is not null
        && x with { Agenda = [], Participants = [], Attendance = [], ServerTime = null } == y with { Agenda = [], Participants = [], Attendance = [], ServerTime = null }
        && x.Agenda.SequenceEqual(y.Agenda) && x.Participants.SequenceEqual(y.Participants) && x.Attendance.SequenceEqual(y.Attendance);

    public int GetHashCode(MeetingSnapshot obj) => obj.Version.GetHashCode();
}
