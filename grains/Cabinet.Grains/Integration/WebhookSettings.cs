using System.ComponentModel.DataAnnotations;

namespace Cabinet.Integration;

/// <summary>How webhooks are sent and retried (configuration section <c>Cabinet:Webhooks</c>).</summary>
public sealed record WebhookSettings
{
    public const string Section = "Cabinet:Webhooks";

    /// <summary>How long one attempt may take before it counts as failed; a slow receiver waits alone.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; init; } = 10;

    /// <summary>The first retry's delay; each next one doubles, up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(1, 86400)]
    public int FirstRetrySeconds { get; init; } = 30;

    [Range(1, 86400)]
    public int MaxRetrySeconds { get; init; } = 3600;

    /// <summary>A delivery failing this long after its first attempt is given up; a subscription failing this long is disabled.</summary>
    [Range(1, 720)]
    public int RetryHours { get; init; } = 24;

    /// <summary>How often each host looks for due deliveries.</summary>
    [Range(1, 600)]
    public int PollSeconds { get; init; } = 5;

    /// <summary>Plain http to hosts other than loopback (a closed government network without TLS); off by default.</summary>
    public bool AllowHttp { get; init; }

    /// <summary>The back-off after <paramref name="attempts"/> failed attempts: 30 s, 1 min, 2 min … 1 h, 1 h …</summary>
    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, FirstRetrySeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));
}
