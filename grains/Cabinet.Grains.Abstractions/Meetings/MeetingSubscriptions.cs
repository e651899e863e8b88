namespace Cabinet.Meetings;

/// <summary>
/// Timings shared by the meeting grain and the hosts that observe it: a host renews well before the grain
/// forgets it, and the grain waits for several renewals before it marks vanished connections as gone.
/// </summary>
public static class MeetingSubscriptions
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan AttendanceGrace = TimeSpan.FromSeconds(90);
}
