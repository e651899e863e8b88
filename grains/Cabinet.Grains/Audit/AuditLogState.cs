using System.Collections.Immutable;

namespace Cabinet.Audit;

/// <summary>
/// What the audit log keeps besides its journal: where retention cut the chain (the last dropped entry's sequence and
/// hash, from which verification starts), and the time of every thousandth entry, so retention knows what to drop
/// without reading the journal. Bounded by the retention period.
/// </summary>
[GenerateSerializer]
public sealed record AuditLogState
{
    [Id(0)] public long CutSequence { get; init; }
    [Id(1)] public string CutHash { get; init; } = Voting.Chains.HashChain.Genesis;
    [Id(2)] public ImmutableArray<AuditMark> Marks { get; init; } = [];
}

[GenerateSerializer]
public sealed record AuditMark(long Sequence, DateTimeOffset At);
