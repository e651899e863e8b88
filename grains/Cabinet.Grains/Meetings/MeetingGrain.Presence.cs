using Cabinet.Errors;
using Cabinet.People;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// Presence with group commit. Connects and disconnects interleave: each only updates the connection registry and
/// joins the pending batch; one presence write is in flight at a time (a non-interleaved timer turn), and everyone
/// whose connections changed meanwhile is settled in the next one. A quiet meeting writes each arrival at once;
/// 2,000 people joining together cost a few dozen writes and events instead of 2,000 of each.
/// The registry (connection → person, host) is stored after the meeting's own write, so a new activation knows who is
/// still connected; a timer drops the connections of hosts that left the cluster.
/// </summary>
public sealed partial class MeetingGrain
{
    private readonly ConnectionRegistry _connections = new();
    private readonly Dictionary<string, Actor> _presenceChanged = new(StringComparer.Ordinal);
    private readonly List<(string UserName, string ConnectionId)> _batchArrivals = [];
    private TaskCompletionSource<CommandResult>? _presenceBatch;
    private IGrainTimer? _presenceFlush;
    private HostWatch? _hosts;
    private bool _connectionsUncertain;

    public Task<CommandResult> ConnectAsync(Actor actor, string connectionId, string host)
    {
        var s = state.State;
        if (!s.Exists || !MeetingAccess.CanView(s, actor))
        {
            return Task.FromResult(CommandResult.Refused(s.Exists ? ErrorCodes.Forbidden : ErrorCodes.MeetingNotFound, s.Version));
        }

        if (!_connections.Add(actor.UserName, connectionId, host ?? ""))
        {
            return ConnectionsChangedAsync(s.Version);
        }

        _batchArrivals.Add((actor.UserName, connectionId));
        return PresenceChangedAsync(actor);
    }

    public Task<CommandResult> DisconnectAsync(Actor actor, string connectionId) =>
        _connections.Remove(actor.UserName, connectionId) ? PresenceChangedAsync(actor) : ConnectionsChangedAsync(state.State.Version);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_presenceBatch is not null || _connections.Unstored)
        {
            await FlushPresenceAsync(cancellationToken);
        }
    }

    /// <summary>Loads the stored connections and starts watching their hosts; the first check also settles anyone whose attendance disagrees with them.</summary>
    private void RestorePresence()
    {
        _connections.Load(connections.State);
        _hosts = new HostWatch(silo.SiloAddress);
        this.RegisterGrainTimer(CheckHostsAsync, true, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        this.RegisterGrainTimer(CheckHostsAsync, false, new GrainTimerCreationOptions(MeetingSubscriptions.HostCheckEvery, MeetingSubscriptions.HostCheckEvery));
    }

    /// <returns>The result of the write that carried this change (shared by everyone in the batch).</returns>
    private Task<CommandResult> PresenceChangedAsync(Actor actor)
    {
        _presenceChanged[actor.UserName] = actor;
        _presenceBatch ??= new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _presenceFlush ??= this.RegisterGrainTimer(FlushPresenceAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return _presenceBatch.Task;
    }

    /// <summary>Another tab of someone already present (or one closing while others stay): nobody's attendance changes, the registry is stored in the next batch.</summary>
    private Task<CommandResult> ConnectionsChangedAsync(long version)
    {
        if (_connections.Unstored)
        {
            _presenceFlush ??= this.RegisterGrainTimer(FlushPresenceAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return Task.FromResult(CommandResult.Accepted(version));
    }

    private async Task FlushPresenceAsync(CancellationToken cancellationToken)
    {
        _presenceFlush?.Dispose();
        _presenceFlush = null;
        var (changed, arrivals, batch) = (_presenceChanged.ToList(), _batchArrivals.ToList(), _presenceBatch);
        _presenceChanged.Clear();
        _batchArrivals.Clear();
        _presenceBatch = null;
        try
        {
            var result = changed.Count == 0 ? CommandResult.Accepted(state.State.Version) : await SettleAsync(changed);
            if (!result.Ok)
            {
                Forget(arrivals);
            }

            await StoreConnectionsAsync();
            batch?.SetResult(result);
        }
        catch (Exception ex)
        {
            Forget(arrivals);
            batch?.SetException(ex);
        }
    }

    /// <summary>Arrivals whose write was refused were answered as refused: they must not stay registered (departures stay gone).</summary>
    private void Forget(List<(string UserName, string ConnectionId)> arrivals)
    {
        foreach (var (userName, connectionId) in arrivals)
        {
            _connections.Remove(userName, connectionId);
        }
    }

    /// <summary>One person: their own entry in the ledger, as before; several, or a departure Cabinet noticed itself: Cabinet records it.</summary>
    private Task<CommandResult> SettleAsync(IReadOnlyList<KeyValuePair<string, Actor>> changed) =>
        ExecuteAsync(changed.Count == 1 ? changed[0].Value : SystemActor,
            c => PresenceDecisions.Settle(state.State, c, changed.Select(p => p.Key), _connections.HasAny));

    /// <summary>
    /// Drops the connections of hosts that left the cluster and settles their people; on the first run after activation
    /// it also settles whoever the stored attendance shows differently from the stored connections (a crash between the two writes).
    /// </summary>
    private async Task CheckHostsAsync(bool afterActivation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var members = membership.CurrentSnapshot;
        foreach (var host in _connections.Hosts.ToList())
        {
            if (_hosts!.IsGone(host, members, now))
            {
                var people = _connections.DropHost(host);
                LogHostGone(MeetingId, host, people.Count);
                foreach (var userName in people)
                {
                    _presenceChanged[userName] = SystemActor;
                }
            }
        }

        if (afterActivation)
        {
            foreach (var stale in state.State.Attendance.Where(a => a.Connected != _connections.HasAny(a.UserName)))
            {
                _presenceChanged[stale.UserName] = SystemActor;
            }
        }

        if (_presenceChanged.Count > 0 || _connections.Unstored)
        {
            await FlushPresenceAsync(cancellationToken);
        }
    }

    private async Task StoreConnectionsAsync()
    {
        if (!_connections.Unstored)
        {
            return;
        }

        var (next, mark) = _connections.ToState();
        var before = connections.State;
        try
        {
            if (_connectionsUncertain)
            {
                // The failed write may have reached the store; read its ETag back before writing over it.
                await connections.ReadStateAsync();
                _connectionsUncertain = false;
            }

            connections.State = next;
            await connections.WriteStateAsync();
            _connections.Stored(mark);
        }
        catch (Exception ex)
        {
            connections.State = before;
            _connectionsUncertain = true;
            LogConnectionsNotStored(ex, MeetingId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: host {Host} left the cluster; its connections ({People} people) are dropped")]
    private partial void LogHostGone(string meetingId, string host, int people);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: storing its connections failed; they are kept in memory and stored again at the next check")]
    private partial void LogConnectionsNotStored(Exception exception, string meetingId);
}
