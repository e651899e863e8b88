using Cabinet.Voting.Chains;

namespace Cabinet.Voting.Ledger;

/// <summary>Checks a ledger read back from storage or an archive: sequence, links and hashes.</summary>
public static class LedgerVerifier
{
    /// <returns>null when the chain is intact, otherwise the first broken entry and why.</returns>
    public static LedgerFault? FindFirstFault(IEnumerable<LedgerEntry> entries)
    {
        var expectedPrevious = HashChain.Genesis;
        long expectedSequence = 1;
        foreach (var entry in entries)
        {
            if (entry.Sequence != expectedSequence)
            {
                return new LedgerFault(expectedSequence, $"entry {entry.Sequence} stands where entry {expectedSequence} should");
            }

            if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                return new LedgerFault(entry.Sequence, "its previous hash does not match the entry before it");
            }

            if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
            {
                return new LedgerFault(entry.Sequence, "its content does not match its hash");
            }

            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}
