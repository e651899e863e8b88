using Cabinet.Errors;
using Microsoft.Extensions.Logging;

namespace Cabinet.Polls;

/// <summary>
/// Group commit: one write in flight at a time; everything appended to the working state meanwhile is stored by the
/// next write. If a write fails, every change not yet stored is dropped and its caller refused, so no receipt is
/// ever given for a ballot that is not stored.
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
                var stored = state.State;
                state.State = _working;
                try
                {
                    await state.WriteStateAsync();
                    batch.SetResult(null);
                }
                catch (Exception ex)
                {
                    LogWriteFailed(ex, this.GetPrimaryKeyString());
                    state.State = stored;
                    _working = stored;
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
}
