namespace Cabinet.Audit;

/// <summary>
/// The result of checking the audit chain from the retention cut (<see cref="FromSequence"/>, whose previous hash is
/// <see cref="CutHash"/>) to its head: intact, or the first broken entry and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.audit-verification")]
public sealed record AuditVerification(bool Intact, long FromSequence, long ToSequence, string CutHash, long? FaultSequence, string? FaultReason);
