namespace Cabinet.Hub.Limits;

/// <summary>The configuration section <c>Cabinet:RateLimits</c>: what one person or one client address may do how often.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Cabinet:RateLimits";

    /// <summary>Sign-in form posts and token requests per client address per minute (an office behind one NAT shares it).</summary>
    public int SignInPerMinutePerAddress { get; set; } = 120;

    /// <summary>Wrong passwords from one client address (without a device cookie) before its tries are progressively delayed.</summary>
    public int SignInFailuresPerAddress { get; set; } = 20;

    /// <summary>Hub commands (anything not marked <see cref="QueryAttribute"/>) per person per minute, sustained.</summary>
    public int HubCommandsPerMinute { get; set; } = 120;

    /// <summary>How many hub commands a person may send at once before the per-minute rate applies.</summary>
    public int HubCommandBurst { get; set; } = 40;

    /// <summary>Open hub connections per person on one host (tabs, devices, apps).</summary>
    public int ConnectionsPerUser { get; set; } = 10;

    /// <summary>Document uploads per person per hour.</summary>
    public int UploadsPerHour { get; set; } = 120;

    /// <summary>Uploaded megabytes per person per hour.</summary>
    public int UploadMegabytesPerHour { get; set; } = 2048;
}
