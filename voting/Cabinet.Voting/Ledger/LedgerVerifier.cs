using Cabinet.Voting.Chains;

namespace Cabinet.Voting.Ledger;

/// <summary>Checks a ledger read back from storage or an archive: sequence, links and hashes.</summary>
public static class LedgerVerifier
{
    /// <returns>null when the chain is intact, otherwise the first broken entry and why.</returns>
    public static LedgerFault? FindFirstFault(IEnumerable<LedgerEntry> entries) => FindFirstFault(entries, 0, HashChain.Genesis);

    /// <summary>
    /// Checks a stretch of a chain that follows entry <paramref name="afterSequence"/> with hash <paramref name="afterHash"/>:
    /// a chain whose start was cut by retention, or one read and checked a page at a time.
    /// </summary>
    public static LedgerFault? FindFirstFault(IEnumerable<LedgerEntry> entries, long afterSequence, string afterHash)
    {
        var expectedPrevious = afterHash;
        var expectedSequence = afterSequence + 1;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new LedgerFault(expectedSequence, $"entry {entry.Sequence} stands where entry {expectedSequence} should",
                    $"mục {entry.Sequence} nằm ở vị trí của mục {expectedSequence}");
            }

            if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return new LedgerFault(entry.Sequence, "its previous hash does not match the entry before it",
                    "mã băm trước đó không khớp với mục liền trước");
            }

            if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
            {
                return new LedgerFault(entry.Sequence, "its content does not match its hash", "nội dung không khớp với mã băm");
            }

            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}
