using System.Collections.Immutable;

namespace Cabinet.Audit;

/// <summary>
/// The installation's security audit log (one, key <see cref="Key"/>): append-only, hash-chained like a meeting's
/// ledger, kept in its own journal. Older entries are dropped by retention, and the cut is recorded in the chain.
/// </summary>
[Alias("cabinet.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    const string Key = "security";

    /// <summary>Appends the records in order; durable when the task completes.</summary>
    Task AppendAsync(ImmutableArray<AuditRecord> records);

    Task<AuditPage> SearchAsync(AuditQuery query);

    Task<AuditVerification> VerifyAsync();
}
