using System.ComponentModel.DataAnnotations;

namespace Cabinet.Web.Archive;

/// <summary>The "Cabinet:Verify" section: what the anonymous /verify page accepts, so no upload can take the host down.</summary>
public sealed class VerifyOptions
{
    public const string Section = "Cabinet:Verify";

    /// <summary>The largest archive the page reads (in memory); a meeting's archive is a few megabytes.</summary>
    [Range(1024, 1L << 31)]
    public long MaxArchiveBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Checks running at once on this host; one more is answered "busy" at once, never queued.</summary>
    [Range(1, 64)]
    public int MaxConcurrentChecks { get; set; } = 2;

    /// <summary>Time one check (reading the upload included) may take before it is stopped.</summary>
    [Range(1, 600)]
    public int TimeBudgetSeconds { get; set; } = 30;
}
