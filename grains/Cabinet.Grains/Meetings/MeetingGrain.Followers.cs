using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// Who follows the meeting: one observer per host. The set is stored (it changes only when a host starts or stops
/// following), and a new activation subscribes every stored observer at once, so the first event after a failed
/// write, a dead host, idle collection or a move reaches every host without waiting for its renewal. An observer whose
/// host is gone no longer renews; it expires from memory and leaves the stored set at its next change.
/// </summary>
public sealed partial class MeetingGrain
{
    private bool _followersUncertain;

    public Task SubscribeAsync(IMeetingObserver observer)
    {
        var id = observer.GetGrainId();
        var known = _observers.Observers.ContainsKey(id);
        _observers.Subscribe(id, observer);
        return known && followers.State.Observers.Contains(id.ToString()) ? Task.CompletedTask : StoreFollowersAsync();
    }

    public Task UnsubscribeAsync(IMeetingObserver observer)
    {
        _observers.Unsubscribe(observer.GetGrainId());
        return StoreFollowersAsync();
    }

    private void RestoreFollowers()
    {
        foreach (var stored in followers.State.Observers)
        {
            if (GrainId.TryParse(stored, out var id))
            {
                _observers.Subscribe(id, GrainFactory.GetGrain<IMeetingObserver>(id));
            }
        }
    }

    /// <summary>Stores the current set. A failure is logged, never thrown: the subscription works in memory, and the next change stores again.</summary>
    private async Task StoreFollowersAsync()
    {
        _observers.ClearExpired();
        var current = _observers.Observers.Keys.Select(id => id.ToString()).Order(StringComparer.Ordinal).ToList();
        if (current.SequenceEqual(followers.State.Observers, StringComparer.Ordinal))
        {
            return;
        }

        var before = followers.State;
        try
        {
            if (_followersUncertain)
            {
                // The failed write may have reached the store; read its ETag back before writing over it.
                await followers.ReadStateAsync();
                _followersUncertain = false;
            }

            followers.State = new FollowerState { Observers = [.. current] };
            await followers.WriteStateAsync();
        }
        catch (Exception ex)
        {
            followers.State = before;
            _followersUncertain = true;
            LogFollowersNotStored(ex, MeetingId, current.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Meeting {MeetingId} activated on this host with {Followers} stored followers and {Connections} stored connections")]
    private partial void LogActivated(string meetingId, int followers, int connections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: storing its {Count} followers failed; they are served from memory and stored at the next change")]
    private partial void LogFollowersNotStored(Exception exception, string meetingId, int count);
}
