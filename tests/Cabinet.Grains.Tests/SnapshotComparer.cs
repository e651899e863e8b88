using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>
/// Snapshots hold immutable arrays (compared by reference in records); compare them by content. The server's clock at
/// reading (<see cref="MeetingSnapshot.ServerTime"/>) is not meeting state and is left out; the minutes part (arrays inside)
/// is compared by its JSON.
/// </summary>
public sealed class SnapshotComparer : IEqualityComparer<MeetingSnapshot>
{
    public static SnapshotComparer Instance { get; } = new();

    public bool Equals(MeetingSnapshot? x, MeetingSnapshot? y) =>
        x is not null && y is not null
        && x with { Agenda = [], Participants = [], Attendance = [], ServerTime = null, Minutes = null } == y with { Agenda = [], Participants = [], Attendance = [], ServerTime = null, Minutes = null }
        && x.Agenda.SequenceEqual(y.Agenda) && x.Participants.SequenceEqual(y.Participants) && x.Attendance.SequenceEqual(y.Attendance)
        && System.Text.Json.JsonSerializer.Serialize(x.Minutes) == System.Text.Json.JsonSerializer.Serialize(y.Minutes);

    public int GetHashCode(MeetingSnapshot obj) => obj.Version.GetHashCode();
}
