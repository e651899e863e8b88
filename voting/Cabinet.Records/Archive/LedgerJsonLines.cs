using System.Text.Json;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Archive;

/// <summary>ledger.jsonl: one <see cref="LedgerEntry"/> per line in canonical JSON, each line ending in "\n".</summary>
internal static class LedgerJsonLines
{
    public static byte[] Write(IEnumerable<LedgerEntry> entries)
    {
        using var output = new MemoryStream();
        foreach (var entry in entries)
        {
            output.Write(CanonicalJson.Serialize(entry));
            output.WriteByte((byte)'\n');
        }

        return output.ToArray();
    }

    /// <returns>The entries, or the 1-based number of the first line that is not a ledger entry.</returns>
    public static (List<LedgerEntry> Entries, int? BadLine) Read(byte[] content, CancellationToken cancellationToken = default)
    {
        var entries = new List<LedgerEntry>();
        var lines = content.AsSpan();
        for (var number = 1; lines.Length > 0; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = lines.IndexOf((byte)'\n');
            if (end < 0)
            {
                return (entries, number); // every line, the last included, ends with "\n"
            }

            try
            {
                entries.Add(ArchiveJson.Deserialize<LedgerEntry>(lines[..end]));
            }
            catch (JsonException)
            {
                return (entries, number);
            }

            lines = lines[(end + 1)..];
        }

        return (entries, null);
    }
}
