using System.ComponentModel.DataAnnotations;

namespace Cabinet.Audit;

/// <summary>How long the audit log keeps entries (configuration section <c>Cabinet:Audit</c>).</summary>
public sealed record AuditRetention
{
    public const string Section = "Cabinet:Audit";

    /// <summary>Entries older than this are dropped a thousand at a time (a journal segment); the cut is chained.</summary>
    [Range(1, 36500)]
    public int RetentionDays { get; init; } = 730;
}
