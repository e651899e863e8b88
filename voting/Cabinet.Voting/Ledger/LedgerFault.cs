namespace Cabinet.Voting.Ledger;

public sealed record LedgerFault(long Sequence, string Reason);
