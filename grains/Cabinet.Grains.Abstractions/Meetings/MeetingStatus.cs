namespace Cabinet.Meetings;

/// <summary>Draft → Scheduled → Live → Closed (or Draft/Scheduled → Cancelled). Closed and cancelled are final.</summary>
public enum MeetingStatus
{
    Draft = 0,
    Scheduled = 1,
    Live = 2,
    Closed = 3,

    /// <summary>Called off before it opened; final like <see cref="Closed"/>, and the invitations are withdrawn.</summary>
    Cancelled = 4,
}
