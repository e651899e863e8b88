namespace Cabinet.Ledger;

/// <summary>The journal and its writer disagree about where the chain stands; the writer must reload before appending.</summary>
public sealed class LedgerJournalException(string message) : Exception(message);
