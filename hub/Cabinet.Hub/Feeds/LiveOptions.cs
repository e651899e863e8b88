using System.ComponentModel.DataAnnotations;

namespace Cabinet.Hub.Feeds;

/// <summary>The configuration section <c>Cabinet:Live</c>: the push path's backstop.</summary>
public sealed class LiveOptions
{
    public const string Section = "Cabinet:Live";

    /// <summary>
    /// How often each host tells its clients every followed meeting's current version, so a client that lost a push
    /// catches up. A backstop only: events reach every host at once, also after the meeting grain was reactivated.
    /// </summary>
    [Range(1, 7 * 24 * 3600)]
    public int VersionNudgeSeconds { get; set; } = 30;
}
