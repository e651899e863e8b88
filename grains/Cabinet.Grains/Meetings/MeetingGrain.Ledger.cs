using System.Collections.Immutable;
using System.Text.Json;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Voting.Ledger;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// The ledger lives in the journal; the state holds its head. Reads page through the journal, and activation makes
/// the journal end exactly at the state's head: an entry appended by a command whose state write never happened (a
/// crash or a failed write between the two) was never acknowledged and is cut off.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<Result<ImmutableArray<LedgerEntry>>> GetLedgerAsync(Actor actor)
    {
        var page = await GetLedgerPageAsync(actor, 1, LedgerPage.MaxEntries);
        return !page.Ok ? Result<ImmutableArray<LedgerEntry>>.Refused(page.Error!)
            : page.Value!.NextSequence is null ? Result<ImmutableArray<LedgerEntry>>.Of(page.Value.Entries)
            : Result<ImmutableArray<LedgerEntry>>.Refused(ErrorCodes.LedgerTooLong);
    }

    public async Task<Result<LedgerPage>> GetLedgerPageAsync(Actor actor, long fromSequence, int count)
    {
        var head = Query(actor, s => s.LedgerHead()?.Sequence ?? 0);
        if (!head.Ok)
        {
            return Result<LedgerPage>.Refused(head.Error!);
        }

        var last = head.Value;
        var from = Math.Max(1, fromSequence);
        var wanted = (int)Math.Max(0, Math.Min(Math.Clamp(count, 1, LedgerPage.MaxEntries), last - from + 1));
        var read = wanted == 0 ? [] : await journal.ReadAsync(MeetingId, from, wanted);
        var entries = ImmutableArray.CreateBuilder<LedgerEntry>(read.Count);
        var bytes = 1; // "[" and, per entry, the entry and the "," or "]" after it: exactly the array's length
        foreach (var entry in read)
        {
            // The hub's JSON escapes non-ASCII text, so measure the entry as it will travel rather than guess.
            bytes += JsonSerializer.SerializeToUtf8Bytes(entry).Length + 1;
            if (entries.Count > 0 && bytes > LedgerPage.MaxBytes)
            {
                break;
            }

            entries.Add(entry);
        }

        var next = from + entries.Count;
        return Result<LedgerPage>.Of(new LedgerPage(entries.ToImmutable(), last, next <= last ? next : null));
    }

    private async Task RecoverLedgerAsync()
    {
        if (!MeetingKey.IsValid(MeetingId))
        {
            return; // such a meeting can never be created, so it has no ledger
        }

        var tail = state.State.LedgerTail;
        var head = state.State.LedgerHead()?.Sequence ?? 0;
        var last = await journal.LastSequenceAsync(MeetingId);
        if (last > head)
        {
            await journal.TruncateAfterAsync(MeetingId, head);
            LogUnacknowledgedCut(MeetingId, last - head, head);
        }
        else if (last < head)
        {
            var missing = tail.Where(e => e.Sequence > last).ToList();
            if (missing.Count == head - last)
            {
                await journal.AppendAsync(MeetingId, missing);
                LogJournalCompleted(MeetingId, missing.Count, head);
            }
            else
            {
                LogJournalBehind(MeetingId, last, head);
            }
        }

        if (head > 0 && (await journal.ReadAsync(MeetingId, head, 1)) is [var stored] && stored.Hash != tail[^1].Hash)
        {
            LogHeadMismatch(MeetingId, head);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: cut {Count} unacknowledged ledger entries after {Head} from the journal (their state write never happened)")]
    private partial void LogUnacknowledgedCut(string meetingId, long count, long head);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: moved {Count} ledger entries up to {Head} from the stored state into the journal")]
    private partial void LogJournalCompleted(string meetingId, int count, long head);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Meeting {MeetingId}: the ledger journal ends at {Last} but the state's head is {Head}, and the state no longer holds the missing entries; the ledger has a gap")]
    private partial void LogJournalBehind(string meetingId, long last, long head);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Meeting {MeetingId}: the journal's entry {Head} is not the state's ledger head; the ledger is inconsistent")]
    private partial void LogHeadMismatch(string meetingId, long head);
}
