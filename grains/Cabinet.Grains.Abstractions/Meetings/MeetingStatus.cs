namespace Cabinet.Meetings;

/// <summary>Draft → Scheduled → Live → Closed. Closed is final: nothing changes a closed meeting again.</summary>
public enum MeetingStatus
{
    Draft = 0,
    Scheduled = 1,
    Live = 2,
    Closed = 3,
}
