using System.Collections.Concurrent;
using Cabinet.Opinions;
using Microsoft.Extensions.Logging;

namespace Cabinet.Hub.Feeds;

/// <summary>
/// This host's subscriptions to opinion ballots: one observer reference for the host, subscribed to each ballot that a
/// hub connection or a page follows (renewed while someone does), and the listeners each step is handed to. A step
/// carries no content (kind, version, status), so every listener was allowed to see the ballot when it started following.
/// </summary>
public sealed partial class OpinionFeeds : IOpinionObserver, IAsyncDisposable
{
    /// <summary>Renewal well inside <see cref="OpinionSubscriptions.Expiry"/>.</summary>
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    private readonly IGrainFactory _grains;
    private readonly ILogger<OpinionFeeds> _logger;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, Func<OpinionEvent, Task>>> _listeners = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lazy<IOpinionObserver> _reference;
    private readonly Task _renewing;
    private long _next;

    public OpinionFeeds(IGrainFactory grains, ILogger<OpinionFeeds> logger)
    {
        (_grains, _logger) = (grains, logger);
        _reference = new(() => _grains.CreateObjectReference<IOpinionObserver>(this));
        _renewing = RenewAsync();
    }

    /// <summary>Hands every step of <paramref name="ballotKey"/> to <paramref name="listener"/> until the result is disposed.</summary>
    public async Task<IAsyncDisposable> FollowAsync(string ballotKey, Func<OpinionEvent, Task> listener)
    {
        var id = Interlocked.Increment(ref _next);
        _listeners.GetOrAdd(ballotKey, _ => new()).TryAdd(id, listener);
        await _grains.GetGrain<IOpinionBallotGrain>(ballotKey).SubscribeAsync(_reference.Value);
        return new Following(this, ballotKey, id);
    }

    public Task OnOpinionEventAsync(OpinionEvent opinionEvent)
    {
        foreach (var listener in _listeners.TryGetValue(opinionEvent.BallotId, out var found) ? found.Values : [])
        {
            _ = HandAsync(listener, opinionEvent);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        if (_reference.IsValueCreated)
        {
            _grains.DeleteObjectReference<IOpinionObserver>(_reference.Value);
        }
    }

    private async Task HandAsync(Func<OpinionEvent, Task> listener, OpinionEvent opinionEvent)
    {
        try
        {
            await listener(opinionEvent);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogListenerFailed(ex, opinionEvent.BallotId);
        }
    }

    private async Task StopAsync(string ballotKey, long id)
    {
        if (!_listeners.TryGetValue(ballotKey, out var found) || !found.TryRemove(id, out _) || !found.IsEmpty)
        {
            return;
        }

        _listeners.TryRemove(KeyValuePair.Create(ballotKey, found));
        try
        {
            await _grains.GetGrain<IOpinionBallotGrain>(ballotKey).UnsubscribeAsync(_reference.Value);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogListenerFailed(ex, ballotKey);   // it expires without renewal
        }
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var key in _listeners.Keys)
                {
                    try
                    {
                        await _grains.GetGrain<IOpinionBallotGrain>(key).SubscribeAsync(_reference.Value);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                    {
                        LogListenerFailed(ex, key);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opinion ballot {Key}: following it failed on this host")]
    private partial void LogListenerFailed(Exception ex, string key);

    private sealed class Following(OpinionFeeds feeds, string ballotKey, long id) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _disposed, 1) == 0 ? new(feeds.StopAsync(ballotKey, id)) : ValueTask.CompletedTask;
    }
}
