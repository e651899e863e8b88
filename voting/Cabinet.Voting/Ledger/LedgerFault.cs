namespace Cabinet.Voting.Ledger;

/// <summary>The first broken entry of a ledger and why, in English and in Vietnamese (for the verifier's report).</summary>
public sealed record LedgerFault(long Sequence, string Reason, string ReasonVi);
