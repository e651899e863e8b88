using System.Collections.Immutable;
using System.Threading.Channels;
using Cabinet.Meetings;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Cabinet.Hub.Feeds;

/// <summary>
/// This host's single subscription to one meeting grain. It forwards every event, in the order it arrived, to the
/// meeting's SignalR group and to each in-process listener's own queue (shared annotations only to those who may read
/// the document, a stored ballot only to its voter), and renews the subscription before it expires. The grain stores its followers, so a new activation
/// pushes to this feed at once; as a backstop the feed also tells everyone the grain's current version every
/// <see cref="LiveOptions.VersionNudgeSeconds"/>, so a client that lost a push catches up.
/// </summary>
internal sealed partial class MeetingFeed : IMeetingObserver, IAsyncDisposable
{
    private readonly string _meetingId;
    private readonly IGrainFactory _grains;
    private readonly IHubContext<MeetingHub, IMeetingClient> _hub;
    private readonly ILogger _logger;
    private readonly Channel<Arrival> _inbox = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ListenerQueue> _listeners = [];
    private readonly Dictionary<string, string> _connections = new(StringComparer.Ordinal); // connection id → person
    private IMeetingObserver? _reference;
    private Task _pump = Task.CompletedTask;
    private readonly TimeSpan _nudgeEvery;
    private Task _renewal = Task.CompletedTask;
    private long _latestVersion;
    private Task _nudges = Task.CompletedTask;

    public MeetingFeed(string meetingId, IGrainFactory grains, IHubContext<MeetingHub, IMeetingClient> hub, TimeSpan nudgeEvery, ILogger logger)
    {
        (_meetingId, _grains, _hub, _nudgeEvery, _logger) = (meetingId, grains, hub, nudgeEvery, logger);
    }

    public int Subscribers { get { lock (_listeners) { return _listeners.Count + _connections.Count; } } }

    private IMeetingGrain Grain => _grains.GetGrain<IMeetingGrain>(_meetingId);

    public async Task StartAsync()
    {
        _reference = _grains.CreateObjectReference<IMeetingObserver>(this);
        await Grain.SubscribeAsync(_reference);
        _pump = Task.Run(PumpAsync);
        _renewal = Task.Run(RenewAsync);
        _nudges = Task.Run(NudgeAsync);
    }

    public bool Add(MeetingListener listener)
    {
        lock (_listeners)
        {
            _listeners.Add(new ListenerQueue(listener, _meetingId, _logger, Drop));
            return true;
        }
    }

    public bool Remove(MeetingListener listener)
    {
        lock (_listeners)
        {
            var queue = _listeners.Find(q => ReferenceEquals(q.Listener, listener));
            if (queue is null)
            {
                return false;
            }

            _listeners.Remove(queue);
            _ = queue.CompleteAsync();
            return true;
        }
    }

    private void Drop(ListenerQueue queue) { lock (_listeners) { _listeners.Remove(queue); } }

    public bool AddConnection(string connectionId, string userName) { lock (_listeners) { return _connections.TryAdd(connectionId, userName); } }

    public bool RemoveConnection(string connectionId) { lock (_listeners) { return _connections.Remove(connectionId); } }

    public Task OnMeetingEventAsync(MeetingEvent meetingEvent)
    {
        _inbox.Writer.TryWrite(new(meetingEvent));
        return Task.CompletedTask;
    }

    public Task OnPollParticipationAsync(Polls.PollParticipation participation)
    {
        _inbox.Writer.TryWrite(new(participation));
        return Task.CompletedTask;
    }

    public Task OnBallotsStoredAsync(Polls.StoredBallots stored)
    {
        _inbox.Writer.TryWrite(new(stored));
        return Task.CompletedTask;
    }

    public Task OnAnnotationAsync(Documents.AnnotationChange change, ImmutableHashSet<string> readers)
    {
        _inbox.Writer.TryWrite(new(new PersonalPush(change, readers)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends each item, in arrival order, to this host's SignalR connections (SignalR buffers per connection) and posts it
    /// to each Blazor listener's own queue; nothing here waits for a screen.
    /// </summary>
    private async Task PumpAsync()
    {
        await foreach (var (item, arrived) in _inbox.Reader.ReadAllAsync())
        {
            ListenerQueue[] listeners;
            lock (_listeners)
            {
                listeners = [.. _listeners];
            }

            try
            {
                switch (item)
                {
                    case MeetingEvent e:
                        _latestVersion = Math.Max(_latestVersion, e.Version);
                        await _hub.Clients.Group(_meetingId).MeetingEvent(e);
                        Post(listeners, e);
                        break;
                    case Polls.PollParticipation participation:
                        await _hub.Clients.Group(_meetingId).PollParticipation(participation);
                        Post(listeners, participation);
                        break;
                    case PersonalPush { Item: Documents.AnnotationChange change } push:
                        await _hub.Clients.Clients(ReadingConnections(push.Readers)).AnnotationChanged(change);
                        Post(listeners.Where(l => push.Readers.Contains(l.Listener.Reader)), change);
                        break;
                    case Polls.StoredBallots stored:
                        await PushBallotsAsync(stored, listeners);
                        break;
                    case long version:
                        _latestVersion = Math.Max(_latestVersion, version);
                        await _hub.Clients.Group(_meetingId).MeetingVersion(_meetingId, version);
                        Post(listeners, version);
                        break;
                }

                Diagnostics.CabinetMetrics.FannedOut(arrived);
            }
            catch (Exception ex)
            {
                LogDeliveryFailed(ex, _meetingId);
            }
        }
    }

    private void Post(IEnumerable<ListenerQueue> listeners, object item)
    {
        foreach (var listener in listeners)
        {
            listener.Post(item, _latestVersion);
        }
    }

    /// <summary>Each voter's receipt to that person's connections and listeners only; one pass over the connections for the whole write.</summary>
    private async Task PushBallotsAsync(Polls.StoredBallots stored, ListenerQueue[] listeners)
    {
        var ballots = stored.Ballots.ToDictionary(b => b.Voter, stored.For, StringComparer.Ordinal);
        List<(string Connection, Polls.MyBallot Ballot)> sends;
        lock (_listeners)
        {
            sends = [.. _connections.Where(c => ballots.ContainsKey(c.Value)).Select(c => (c.Key, ballots[c.Value]))];
        }

        foreach (var (connection, ballot) in sends)
        {
            await _hub.Clients.Client(connection).BallotRecorded(ballot);
        }

        foreach (var listener in listeners)
        {
            if (ballots.TryGetValue(listener.Listener.Reader, out var ballot))
            {
                listener.Post(ballot, _latestVersion);
            }
        }
    }

    private ConnectionIds ReadingConnections(ImmutableHashSet<string> readers)
    {
        lock (_listeners)
        {
            return new(_connections.Where(c => readers.Contains(c.Value)).Select(c => c.Key));
        }
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(MeetingSubscriptions.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await Grain.SubscribeAsync(_reference!);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewFailed(ex, _meetingId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task NudgeAsync()
    {
        using var timer = new PeriodicTimer(_nudgeEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    _inbox.Writer.TryWrite(new(await Grain.GetVersionAsync()));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogNudgeFailed(ex, _meetingId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _inbox.Writer.TryComplete();
        try
        {
            await Grain.UnsubscribeAsync(_reference!);
        }
        catch (Exception ex)
        {
            LogRenewFailed(ex, _meetingId);
        }

        _grains.DeleteObjectReference<IMeetingObserver>(_reference!);
        await Task.WhenAll(_pump, _renewal, _nudges);
        ListenerQueue[] listeners;
        lock (_listeners)
        {
            listeners = [.. _listeners];
            _listeners.Clear();
        }

        await Task.WhenAll(listeners.Select(l => l.CompleteAsync()));
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: delivering a push failed")]
    private partial void LogDeliveryFailed(Exception exception, string meetingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: renewing the subscription failed; retrying at the next tick")]
    private partial void LogRenewFailed(Exception exception, string meetingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: reading the version for the nudge failed; retrying at the next tick")]
    private partial void LogNudgeFailed(Exception exception, string meetingId);

    /// <summary>A push for some people only: a shared annotation to those who may read its document.</summary>
    private sealed record PersonalPush(object Item, ImmutableHashSet<string> Readers);

    /// <summary>An item in the inbox with when it arrived, for the fan-out latency.</summary>
    private readonly record struct Arrival(object Item, long At)
    {
        public Arrival(object item) : this(item, System.Diagnostics.Stopwatch.GetTimestamp()) { }
    }
}
