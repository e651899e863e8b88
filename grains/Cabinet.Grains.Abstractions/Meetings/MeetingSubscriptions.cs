namespace Cabinet.Meetings;

/// <summary>
/// Timings shared by the meeting grain and the hosts that observe it: a host renews well before the grain
/// forgets it, and the grain looks at cluster membership often enough to let a dead host's people go within a minute.
/// </summary>
public static class MeetingSubscriptions
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    /// <summary>How often an active meeting checks that the hosts holding its connections are still members of the cluster.</summary>
    public static readonly TimeSpan HostCheckEvery = TimeSpan.FromSeconds(10);

    /// <summary>A host the cluster has never heard of (newer than this silo) is given this long to show up before its connections count as gone.</summary>
    public static readonly TimeSpan UnknownHostGrace = TimeSpan.FromSeconds(45);
}
