namespace Cabinet.Bench;

/// <summary>
/// One checkpoint of the long meeting: command latency (chair's call → its CommandResult) measured once the ledger held
/// <see cref="LedgerEntries"/> entries, and the size of the meeting's stored state then.
/// </summary>
public sealed record LongMeetingRow(int LedgerEntries, LatencyStats Commands, long StateBytes);
