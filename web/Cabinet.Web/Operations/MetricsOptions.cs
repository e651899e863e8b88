namespace Cabinet.Web.Operations;

/// <summary>The "Cabinet:Metrics" configuration section: the Prometheus scrape endpoint <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Cabinet:Metrics";

    public const string Path = "/metrics";

    /// <summary>Serve <c>/metrics</c>; unset means on in Development and off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>When set, a scraper must send <c>Authorization: Bearer</c> this token; when unset, only loopback callers are answered.</summary>
    public string? BearerToken { get; set; }

    /// <summary>A file holding the bearer token (a mounted secret); wins over the plain setting.</summary>
    public string? BearerTokenFile { get; set; }
}
