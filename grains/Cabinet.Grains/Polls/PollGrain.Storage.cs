using Cabinet.Errors;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.Voting.Polls;
using Microsoft.Extensions.Logging;

namespace Cabinet.Polls;

/// <summary>
/// Group commit: one write in flight at a time; everything appended to the working state meanwhile is stored by the
/// next write: one journal append of its ballots' lines, then the state (whose size does not grow with ballots). If a
/// write fails, every change not yet stored is dropped and its caller refused, so no receipt is ever given for a ballot
/// that is not stored.
/// </summary>
public sealed partial class PollGrain
{
    /// <summary>
    /// Makes the journal end exactly at the state's count and puts the book back together from it: lines appended by a
    /// batch whose state write never happened were never acknowledged, so they are cut off. A poll stored before the
    /// journal (its chain and evidence inside the state) has them moved into the journal first.
    /// </summary>
    private async Task LoadAsync()
    {
        if (state.State is not { Book: { } book } stored)
        {
            return;
        }

        if (book.Chain.Count > 0)
        {
            await MoveIntoJournalAsync(stored);
            return;
        }

        var last = await journal.LastSequenceAsync(Key);
        if (last > stored.BallotCount)
        {
            await journal.TruncateAfterAsync(Key, stored.BallotCount);
            LogUnacknowledgedCut(Key, last - stored.BallotCount, stored.BallotCount);
        }

        var entries = await journal.ReadChainAsync(Key, stored.BallotCount);
        var ballots = book.WithBallots([.. entries.Select(e => BallotLine.Of(e).Entry)], stored.ChainHead ?? book.Chain.Head,
            VoterMarks.Read(book.Eligibility, stored.Voted));
        _journalHead = entries.Count > 0 ? entries[^1] : null;
        _stored = _working = new LoadedPoll(ballots, stored.Result);
    }

    private async Task MoveIntoJournalAsync(PollState stored)
    {
        var book = stored.Book!;
        var evidence = stored.Evidence.IsDefaultOrEmpty ? [] : stored.Evidence.ToDictionary(e => e.Position);
        var entries = BallotLine.Chain(null, book.OpenedAt, book.Chain.Entries.Select(e => new BallotLine(e, evidence.GetValueOrDefault(e.Ballot.Position))));
        await journal.TruncateAfterAsync(Key, 0); // what an earlier attempt appended before its state write failed
        await journal.AppendAsync(Key, entries);
        var loaded = new LoadedPoll(book, stored.Result);
        state.State = loaded.Stored();
        await state.WriteStateAsync();
        (_stored, _working, _journalHead) = (loaded, loaded, entries[^1]);
    }

    /// <returns>null once the working state as it is now is stored; otherwise the refusal.</returns>
    private Task<CabinetError?> StoreAsync()
    {
        _batch ??= new TaskCompletionSource<CabinetError?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = _batch.Task;
        if (!_writing)
        {
            _writing = true;
            _ = WriteBatchesAsync();
        }

        return mine;
    }

    private async Task WriteBatchesAsync()
    {
        try
        {
            while (_batch is { } batch)
            {
                _batch = null;
                var (before, next, lines, voters) = (state.State, _working, _pending, _pendingVoters);
                (_pending, _pendingVoters) = ([], []);
                try
                {
                    // Journal first: lines whose state write never happened are cut off on activation (never acknowledged).
                    var entries = BallotLine.Chain(_journalHead, next.Book!.OpenedAt, lines);
                    await journal.AppendAsync(Key, entries);
                    if (options.FailStateWriteAfterLedgerAppend?.Invoke(Key) == true)
                    {
                        throw new IOException("Fault injection: the state write failed after the journal append.");
                    }

                    state.State = next.Stored();
                    await state.WriteStateAsync();
                    (_stored, _journalHead) = (next, entries.Count > 0 ? entries[^1] : _journalHead);
                    await ReportStoredAsync(voters);
                    batch.SetResult(null);
                }
                catch (Exception ex)
                {
                    LogWriteFailed(ex, Key);
                    // The store may or may not hold the write; the next activation reloads and cuts the journal to match.
                    state.State = before;
                    _working = _stored;
                    (_pending, _pendingVoters) = ([], []);
                    batch.SetResult(ErrorCodes.StorageFailed);
                    _batch?.SetResult(ErrorCodes.StorageFailed);
                    _batch = null;
                    DeactivateOnIdle();
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>One message to the meeting per write (a chunk per <see cref="StoredBallots.MaxBallots"/>), sent before any of its receipts is answered.</summary>
    private async Task ReportStoredAsync(List<StoredBallot> voters)
    {
        if (voters.Count == 0)
        {
            return;
        }

        var book = _stored.Book!;
        var counts = book.Participation();
        var participation = new PollParticipation(MeetingId, book.PollId, counts.Voted, counts.Eligible);
        var meeting = GrainFactory.GetGrain<IMeetingGrain>(MeetingId);
        try
        {
            foreach (var chunk in voters.Chunk(StoredBallots.MaxBallots))
            {
                await meeting.ReportBallotsStoredAsync(new StoredBallots(participation, [.. chunk]));
            }
        }
        catch (Exception ex)
        {
            // The ballots are stored and their receipts stand: only the pushes are lost (screens ask on their next join).
            LogReportFailed(ex, Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll {PollKey}: telling the meeting about stored ballots failed")]
    private partial void LogReportFailed(Exception exception, string pollKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll {PollKey}: storing failed; the ballots not yet stored were refused")]
    private partial void LogWriteFailed(Exception exception, string pollKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll {PollKey}: cut {Count} unacknowledged ballots after {Head} from the journal (their state write never happened)")]
    private partial void LogUnacknowledgedCut(string pollKey, long count, long head);
}
