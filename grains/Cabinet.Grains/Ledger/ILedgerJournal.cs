using Cabinet.Voting.Ledger;

namespace Cabinet.Ledger;

/// <summary>
/// The append-only home of each meeting's ledger (and of the security audit log, under its own name). The meeting's state keeps only the head and a short tail; every
/// entry lives here, in sequence order, gap-free (entry n at position n). The meeting grain is the only writer of its
/// meeting's journal and calls one method at a time.
/// </summary>
public interface ILedgerJournal
{
    /// <summary>Appends entries that follow the journal's last one; durable when the task completes.</summary>
    /// <exception cref="LedgerJournalException">The first entry does not follow the journal's last (nothing is appended).</exception>
    Task AppendAsync(string meetingId, IReadOnlyList<LedgerEntry> entries);

    /// <summary>Up to <paramref name="count"/> entries from <paramref name="fromSequence"/> on (fewer at the end).</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadAsync(string meetingId, long fromSequence, int count);

    /// <summary>The sequence of the journal's last entry; 0 when it holds none.</summary>
    Task<long> LastSequenceAsync(string meetingId);

    /// <summary>Removes every entry after <paramref name="sequence"/> (all of them for 0); durable when the task completes.</summary>
    Task TruncateAfterAsync(string meetingId, long sequence);

    /// <summary>
    /// Drops old entries (retention): those up to <paramref name="sequence"/> that the journal stores apart (whole
    /// segments on disk, any entries in Redis). Later reads must start after the cut; sequences do not move.
    /// </summary>
    Task DropThroughAsync(string meetingId, long sequence);
}
