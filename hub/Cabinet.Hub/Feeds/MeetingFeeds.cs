using Cabinet.Meetings;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cabinet.Hub.Feeds;

/// <summary>
/// The per-host broadcaster: at most one grain subscription per meeting on this host, shared by all the
/// SignalR connections and Blazor circuits here that follow that meeting, and dropped when the last one leaves.
/// Orleans carries events between hosts, so SignalR needs no backplane of its own.
/// </summary>
public sealed class MeetingFeeds(
    IGrainFactory grains, IHubContext<MeetingHub, IMeetingClient> hub, IOptions<LiveOptions> options, ILogger<MeetingFeeds> logger)
    : IAsyncDisposable
{
    private readonly TimeSpan _nudgeEvery = TimeSpan.FromSeconds(options.Value.VersionNudgeSeconds);
    private readonly Dictionary<string, MeetingFeed> _feeds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Follows a meeting in process; dispose the result to stop.</summary>
    public async Task<IAsyncDisposable> ListenAsync(string meetingId, MeetingListener listener)
    {
        await ChangeAsync(meetingId, feed => feed.Add(listener));
        return new Subscription(() => ChangeAsync(meetingId, feed => feed.Remove(listener)));
    }

    /// <summary>A hub connection joined the meeting's group; make sure this host observes the meeting.</summary>
    public Task AttachConnectionAsync(string meetingId, string connectionId) => ChangeAsync(meetingId, feed => feed.AddConnection(connectionId));

    public Task DetachConnectionAsync(string meetingId, string connectionId) => ChangeAsync(meetingId, feed => feed.RemoveConnection(connectionId));

    private async Task ChangeAsync(string meetingId, Func<MeetingFeed, bool> change)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(meetingId, out var feed))
            {
                feed = new MeetingFeed(meetingId, grains, hub, _nudgeEvery, logger);
                await feed.StartAsync();
                _feeds[meetingId] = feed;
            }

            change(feed);
            if (feed.Subscribers == 0)
            {
                _feeds.Remove(meetingId);
                await feed.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in _feeds.Values)
        {
            await feed.DisposeAsync();
        }

        _feeds.Clear();
        _gate.Dispose();
    }

    private sealed class Subscription(Func<Task> dispose) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await dispose();
            }
        }
    }
}
