namespace Cabinet.Meetings;

/// <summary>
/// One participant as the chair sees the room: connected or not, hand raised in the current item's queue,
/// speaking, and the last meeting version their client acknowledged (null: none since the meeting was loaded).
/// <see cref="Voted"/> is set while a named poll is open, for those who may vote in it; null otherwise.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.room-seat")]
public sealed record RoomSeat(
    string UserName,
    string DisplayName,
    MeetingRole Role,
    bool Connected,
    bool HandRaised,
    bool PointOfOrder,
    bool Speaking,
    long? AcknowledgedVersion,
    bool UpToDate,
    bool? Voted = null);
