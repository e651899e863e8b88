using System.Text;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;

namespace Cabinet.Ledger;

/// <summary>A journal entry as one line of canonical JSON (the form of ledger.jsonl in the archive).</summary>
internal static class LedgerLines
{
    public static byte[] Write(IEnumerable<LedgerEntry> entries) =>
        Encoding.UTF8.GetBytes(string.Concat(entries.Select(e => CanonicalJson.SerializeToString(e) + "\n")));

    public static string WriteOne(LedgerEntry entry) => CanonicalJson.SerializeToString(entry);

    public static LedgerEntry Read(ReadOnlySpan<byte> line) => CanonicalJson.Deserialize<LedgerEntry>(line);
}
