using System.Buffers.Text;
using System.Text;
using Cabinet.Encryption;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;

namespace Cabinet.Ledger;

/// <summary>
/// A journal entry as stored: its canonical JSON (the form of ledger.jsonl in the archive) sealed under the meeting's
/// organisation's data key. On disk each entry is one line, the envelope in base64 (an envelope may hold a newline byte);
/// a line that starts with '{' is an entry from before encryption. In Redis each entry is the envelope itself.
/// </summary>
internal sealed class LedgerLines(RecordCipher cipher, string journal)
{
    public byte[] Write(string meetingId, IEnumerable<LedgerEntry> entries)
    {
        var lines = new StringBuilder();
        foreach (var entry in entries)
        {
            var sealedEntry = WriteOne(meetingId, entry);
            lines.Append(cipher.Encrypts ? Convert.ToBase64String(sealedEntry) : Encoding.UTF8.GetString(sealedEntry)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    public byte[] WriteOne(string meetingId, LedgerEntry entry) => cipher.Seal(RecordOf(meetingId), CanonicalJson.Serialize(entry));

    /// <summary>One line of a journal file, without its newline.</summary>
    public LedgerEntry Read(string meetingId, ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[0] == (byte)'{')
        {
            return CanonicalJson.Deserialize<LedgerEntry>(line);
        }

        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(line.Length)];
        if (Base64.DecodeFromUtf8(line, decoded, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            throw new InvalidDataException($"A line of the journal of {meetingId} is neither an entry nor a sealed one.");
        }

        return ReadOne(meetingId, decoded[..written]);
    }

    public LedgerEntry ReadOne(string meetingId, byte[] stored) => CanonicalJson.Deserialize<LedgerEntry>(cipher.Open(RecordOf(meetingId), stored));

    private RecordName RecordOf(string meetingId) => new($"journal/{journal}", meetingId);
}
