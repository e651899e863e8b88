using System.ComponentModel.DataAnnotations;

namespace Cabinet.Hub.Feeds;

/// <summary>The configuration section <c>Cabinet:Live</c>: the push path's backstops.</summary>
public sealed class LiveOptions
{
    public const string Section = "Cabinet:Live";

    /// <summary>
    /// How often each host tells its clients every followed meeting's current version, so a client that lost a push
    /// catches up. A backstop only: events reach every host at once, also after the meeting grain was reactivated.
    /// </summary>
    [Range(1, 7 * 24 * 3600)]
    public int VersionNudgeSeconds { get; set; } = 30;

    /// <summary>
    /// How often each host checks that the session behind every hub connection is still open, so a connection that only
    /// listens stops receiving once its session ended (a connection that calls is checked on each call).
    /// </summary>
    [Range(1, 24 * 3600)]
    public int SessionSweepSeconds { get; set; } = 30;
}
