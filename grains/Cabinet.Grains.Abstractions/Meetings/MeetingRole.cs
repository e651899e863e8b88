namespace Cabinet.Meetings;

/// <summary>A person's role in one meeting. <see cref="None"/> means they may not see it at all.</summary>
public enum MeetingRole
{
    None = 0,
    Observer = 1,
    Delegate = 2,
    Secretary = 3,
    Chair = 4,
}
