using Cabinet.Notices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Cabinet.Hub.Feeds;

/// <summary>
/// This host's one observer of the notice boxes of the people connected here: a box tells it each change with the
/// person's name, and it passes the unread count on to that person's hub connections (<c>NoticesChanged</c>) and
/// Blazor bells here. It follows a box while someone of that person is here and renews every box it follows every
/// <see cref="NoticeSubscriptions.RenewEvery"/>; the box also stores its followers, so a box reactivated on another host
/// after a host's death pushes here at once. A follow and an unfollow of one person that cross are set right by the
/// next renewal; a box followed by nobody here any more lets the subscription expire.
/// </summary>
public sealed partial class NoticeFeeds : INoticeObserver, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly IHubContext<MeetingHub, IMeetingClient> _hub;
    private readonly ILogger<NoticeFeeds> _logger;
    private readonly Dictionary<string, Followed> _people = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lazy<INoticeObserver> _reference;
    private Task? _renewal;

    public NoticeFeeds(IGrainFactory grains, IHubContext<MeetingHub, IMeetingClient> hub, ILogger<NoticeFeeds> logger)
    {
        (_grains, _hub, _logger) = (grains, hub, logger);
        _reference = new(() => _grains.CreateObjectReference<INoticeObserver>(this));
    }

    /// <summary>Calls <paramref name="onChange"/> (unread count, the new notice if one arrived) on every change of the person's box; dispose to stop.</summary>
    public async Task<IAsyncDisposable> ListenAsync(string userName, Func<int, Notice?, Task> onChange)
    {
        await ChangeAsync(userName, f => f.Listeners.Add(onChange));
        return new Subscription(() => ChangeAsync(userName, f => f.Listeners.Remove(onChange)));
    }

    /// <summary>A hub connection of <paramref name="userName"/> asked for its notices: it gets <c>NoticesChanged</c> from now on.</summary>
    public Task AttachConnectionAsync(string userName, string connectionId) => ChangeAsync(userName, f => f.Connections.Add(connectionId));

    public Task DetachConnectionAsync(string userName, string connectionId) => ChangeAsync(userName, f => f.Connections.Remove(connectionId));

    public async Task OnNoticesChangedAsync(string userName, int unread, Notice? latest)
    {
        string[] connections;
        Func<int, Notice?, Task>[] listeners;
        lock (_people)
        {
            if (!_people.TryGetValue(userName, out var followed))
            {
                return;
            }

            (connections, listeners) = ([.. followed.Connections], [.. followed.Listeners]);
        }

        try
        {
            await _hub.Clients.Clients(connections).NoticesChanged(new NoticeCount(unread, latest));
        }
        catch (Exception ex)
        {
            LogPushFailed(ex, userName);
        }

        foreach (var listener in listeners)
        {
            _ = Tell(listener, userName, unread, latest);
        }
    }

    private async Task Tell(Func<int, Notice?, Task> listener, string userName, int unread, Notice? latest)
    {
        try
        {
            await listener(unread, latest);
        }
        catch (Exception ex)
        {
            LogPushFailed(ex, userName);
        }
    }

    /// <summary>Applies a change to who follows the person here, then follows or unfollows the box when that set began or ended.</summary>
    private async Task ChangeAsync(string userName, Action<Followed> change)
    {
        bool follow, unfollow;
        lock (_people)
        {
            follow = !_people.TryGetValue(userName, out var followed);
            followed ??= _people[userName] = new Followed();
            change(followed);
            unfollow = followed.IsEmpty;
            if (unfollow)
            {
                _people.Remove(userName);
            }

            _renewal ??= Task.Run(RenewAsync);
        }

        var box = _grains.GetGrain<INoticeBoxGrain>(userName);
        if (follow && !unfollow)
        {
            await box.SubscribeAsync(_reference.Value);
        }
        else if (unfollow && !follow)
        {
            await box.UnsubscribeAsync(_reference.Value);
        }
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(NoticeSubscriptions.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                string[] people;
                lock (_people)
                {
                    people = [.. _people.Keys];
                }

                foreach (var userName in people)
                {
                    try
                    {
                        await _grains.GetGrain<INoticeBoxGrain>(userName).SubscribeAsync(_reference.Value);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogRenewFailed(ex, userName);
                    }
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
        if (_renewal is { } renewal)
        {
            await renewal;
        }

        if (_reference.IsValueCreated)
        {
            _grains.DeleteObjectReference<INoticeObserver>(_reference.Value);
        }

        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notices of {UserName}: pushing the unread count failed")]
    private partial void LogPushFailed(Exception exception, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notices of {UserName}: renewing the subscription failed; retrying at the next tick")]
    private partial void LogRenewFailed(Exception exception, string userName);

    /// <summary>Who of one person is here: hub connections and in-process listeners (Blazor bells).</summary>
    private sealed class Followed
    {
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);

        public List<Func<int, Notice?, Task>> Listeners { get; } = [];

        public bool IsEmpty => Connections.Count == 0 && Listeners.Count == 0;
    }
}
