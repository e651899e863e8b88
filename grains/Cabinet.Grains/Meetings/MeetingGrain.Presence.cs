using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>
/// Presence with group commit. Connects and disconnects interleave: each only updates the in-memory connection
/// registry and joins the pending batch; one presence write is in flight at a time (a non-interleaved timer turn),
/// and everyone whose connections changed meanwhile is settled in the next one. A quiet meeting writes each arrival
/// at once; 2,000 people joining together cost a few dozen writes and events instead of 2,000 of each, each pushed to
/// everyone present.
/// </summary>
public sealed partial class MeetingGrain
{
    private readonly ConnectionRegistry _connections = new();
    private readonly Dictionary<string, Actor> _presenceChanged = new(StringComparer.Ordinal);
    private TaskCompletionSource<CommandResult>? _presenceBatch;
    private IGrainTimer? _presenceFlush;

    public Task<CommandResult> ConnectAsync(Actor actor, string connectionId)
    {
        var s = state.State;
        if (!s.Exists || !MeetingAccess.CanView(s, actor))
        {
            return Task.FromResult(CommandResult.Refused(s.Exists ? ErrorCodes.Forbidden : ErrorCodes.MeetingNotFound, s.Version));
        }

        return _connections.Add(actor.UserName, connectionId) ? PresenceChangedAsync(actor) : Task.FromResult(CommandResult.Accepted(s.Version));
    }

    public Task<CommandResult> DisconnectAsync(Actor actor, string connectionId) =>
        _connections.Remove(actor.UserName, connectionId) ? PresenceChangedAsync(actor) : Task.FromResult(CommandResult.Accepted(state.State.Version));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_presenceBatch is not null)
        {
            await FlushPresenceAsync(cancellationToken);
        }
    }

    /// <returns>The result of the write that carried this change (shared by everyone in the batch).</returns>
    private Task<CommandResult> PresenceChangedAsync(Actor actor)
    {
        _presenceChanged[actor.UserName] = actor;
        _presenceBatch ??= new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _presenceFlush ??= this.RegisterGrainTimer(FlushPresenceAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return _presenceBatch.Task;
    }

    private async Task FlushPresenceAsync(CancellationToken cancellationToken)
    {
        _presenceFlush?.Dispose();
        _presenceFlush = null;
        var (changed, batch) = (_presenceChanged.Values.ToList(), _presenceBatch);
        _presenceChanged.Clear();
        _presenceBatch = null;
        if (batch is null)
        {
            return;
        }

        try
        {
            // One person: their own entry in the ledger, as before; several: Cabinet records the batch.
            var actor = changed.Count == 1 ? changed[0] : SystemActor;
            batch.SetResult(await ExecuteAsync(actor, c => PresenceDecisions.Settle(state.State, c, changed.Select(a => a.UserName), _connections.HasAny)));
        }
        catch (Exception ex)
        {
            batch.SetException(ex);
        }
    }

    /// <summary>After a restart or a move: whoever is still marked present but has not reconnected is marked as left.</summary>
    private Task ReconcileAttendanceAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(SystemActor, c => PresenceDecisions.Settle(
            state.State, c, state.State.Attendance.Where(a => a.Connected).Select(a => a.UserName), _connections.HasAny));
}
