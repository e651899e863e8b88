namespace Cabinet.Audit;

/// <summary>One entry of the audit log as administrators read and export it.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.audit-entry")]
public sealed record AuditEntryView(long Sequence, DateTimeOffset At, string Kind, string Actor, string Organization,
    string Address, string UserAgent, string Detail, string Hash);
