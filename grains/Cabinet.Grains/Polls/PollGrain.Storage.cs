using Cabinet.Errors;
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
                var (before, next, lines) = (state.State, _working, _pending);
                _pending = [];
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
                    batch.SetResult(null);
                }
                catch (Exception ex)
                {
                    LogWriteFailed(ex, Key);
                    // The store may or may not hold the write; the next activation reloads and cuts the journal to match.
                    state.State = before;
                    _working = _stored;
                    _pending = [];
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll {PollKey}: storing failed; the ballots not yet stored were refused")]
    private partial void LogWriteFailed(Exception exception, string pollKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll {PollKey}: cut {Count} unacknowledged ballots after {Head} from the journal (their state write never happened)")]
    private partial void LogUnacknowledgedCut(string pollKey, long count, long head);
}
