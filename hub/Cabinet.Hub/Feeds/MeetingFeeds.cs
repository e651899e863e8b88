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
    private readonly Dictionary<string, FeedSlot> _slots = new(StringComparer.Ordinal);

    /// <summary>Follows a meeting in process; dispose the result to stop.</summary>
    public async Task<IAsyncDisposable> ListenAsync(string meetingId, MeetingListener listener)
    {
        await ChangeAsync(meetingId, feed => feed.Add(listener));
        return new Subscription(() => ChangeAsync(meetingId, feed => feed.Remove(listener)));
    }

    /// <summary>A hub connection of <paramref name="userName"/> joined the meeting's group; make sure this host observes the meeting.</summary>
    public Task AttachConnectionAsync(string meetingId, string connectionId, string userName) =>
        ChangeAsync(meetingId, feed => feed.AddConnection(connectionId, userName));

    public Task DetachConnectionAsync(string meetingId, string connectionId) => ChangeAsync(meetingId, feed => feed.RemoveConnection(connectionId));

    /// <summary>
    /// Joins and leaves of one meeting are serialised by that meeting's own gate (its subscription starts and ends with
    /// grain calls); other meetings on this host never wait for them.
    /// </summary>
    private async Task ChangeAsync(string meetingId, Func<MeetingFeed, bool> change)
    {
        var slot = Enter(meetingId);
        try
        {
            await slot.Gate.WaitAsync();
            try
            {
                if (slot.Feed is null)
                {
                    var feed = new MeetingFeed(meetingId, grains, hub, _nudgeEvery, logger);
                    await feed.StartAsync();
                    slot.Feed = feed;
                }

                change(slot.Feed);
                if (slot.Feed.Subscribers == 0)
                {
                    var idle = slot.Feed;
                    slot.Feed = null;
                    await idle.DisposeAsync();
                }
            }
            finally
            {
                slot.Gate.Release();
            }
        }
        finally
        {
            Exit(meetingId, slot);
        }
    }

    private FeedSlot Enter(string meetingId)
    {
        lock (_slots)
        {
            if (!_slots.TryGetValue(meetingId, out var slot))
            {
                _slots[meetingId] = slot = new FeedSlot();
            }

            slot.Users++;
            return slot;
        }
    }

    private void Exit(string meetingId, FeedSlot slot)
    {
        lock (_slots)
        {
            if (--slot.Users == 0 && slot.Feed is null)
            {
                _slots.Remove(meetingId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        FeedSlot[] slots;
        lock (_slots)
        {
            slots = [.. _slots.Values];
            _slots.Clear();
        }

        foreach (var slot in slots)
        {
            if (slot.Feed is { } feed)
            {
                await feed.DisposeAsync();
            }
        }
    }

    /// <summary>One meeting's feed on this host, its gate, and how many callers are using the slot right now.</summary>
    private sealed class FeedSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public MeetingFeed? Feed { get; set; }

        public int Users { get; set; }
    }
}
