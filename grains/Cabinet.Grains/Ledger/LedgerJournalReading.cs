using Cabinet.Voting.Ledger;

namespace Cabinet.Ledger;

/// <summary>Reading a whole chain from a journal, one page at a time.</summary>
public static class LedgerJournalReading
{
    public const int PageSize = 500;

    /// <summary>Entries 1 … <paramref name="lastSequence"/>, read in pages.</summary>
    /// <exception cref="LedgerJournalException">The journal ends before <paramref name="lastSequence"/>.</exception>
    public static async Task<List<LedgerEntry>> ReadChainAsync(this ILedgerJournal journal, string meetingId, long lastSequence)
    {
        var chain = new List<LedgerEntry>((int)Math.Min(lastSequence, 1_000_000));
        while (chain.Count < lastSequence)
        {
            var page = await journal.ReadAsync(meetingId, chain.Count + 1, (int)Math.Min(PageSize, lastSequence - chain.Count));
            if (page.Count == 0)
            {
                throw new LedgerJournalException($"The journal of {meetingId} ends at {chain.Count}, before {lastSequence}.");
            }

            chain.AddRange(page);
        }

        return chain;
    }
}
