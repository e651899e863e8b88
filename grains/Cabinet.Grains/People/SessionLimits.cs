using System.ComponentModel.DataAnnotations;

namespace Cabinet.People;

/// <summary>How long sessions live (configuration section <c>Cabinet:Sessions</c>).</summary>
public sealed record SessionLimits
{
    public const string Section = "Cabinet:Sessions";

    /// <summary>A session unused this long ends (browser and app alike).</summary>
    [Range(1, 24 * 60)]
    public int IdleMinutes { get; init; } = 30;

    /// <summary>A session ends this long after its sign-in, however busy.</summary>
    [Range(1, 24 * 30)]
    public int AbsoluteHours { get; init; } = 12;

    /// <summary>Lifetime of an app's access token; the app then uses its refresh token.</summary>
    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; init; } = 10;

    /// <summary>Open sessions per person; a new one ends the least recently used.</summary>
    [Range(1, 1000)]
    public int MaxPerPerson { get; init; } = 20;
}
