using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Cabinet.Notices;

/// <summary>
/// One person's notices. Delivering stores the notice and the deliveries its channels owe, answers, and pushes the
/// unread count to the hosts that follow the box; <see cref="NoticeBoxGrain"/>.Outbox sends the deliveries after that.
/// </summary>
public sealed partial class NoticeBoxGrain(
    [PersistentState("notices", StorageNames.People)] IPersistentState<NoticeBoxState> state,
    IEnumerable<INoticeSender> senders,
    Hosting.CabinetSiloOptions options,
    TimeProvider clock,
    ILogger<NoticeBoxGrain> logger) : Grain, INoticeBoxGrain, IRemindable
{
    private readonly ObserverManager<GrainId, INoticeObserver> _observers = new(NoticeSubscriptions.Expiry, logger);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Meetings.IdleIndex? _idle;

    private string UserName => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in state.State.Followers)
        {
            if (GrainId.TryParse(stored, out var id))
            {
                _observers.Subscribe(id, GrainFactory.GetGrain<INoticeObserver>(id));
            }
        }

        ScheduleSending();
        return Task.CompletedTask;
    }

    public async Task<bool> DeliverAsync(Notice notice)
    {
        if (notice is null || !notice.IsValid || state.State.TakenIds.Contains(notice.Id))
        {
            return false;
        }

        var deliveries = await ChannelsForAsync();
        var s = state.State;
        if (s.TakenIds.Contains(notice.Id))
        {
            return false;
        }

        var taken = s.TakenIds.Add(notice.Id);
        await CommitAsync(s with
        {
            Notices = [.. s.Notices.Insert(0, new NoticeView(notice, false, deliveries)).Take(NoticeBoxState.MaxNotices)],
            TakenIds = taken.Length > NoticeBoxState.MaxTakenIds ? taken[^NoticeBoxState.MaxTakenIds..] : taken,
        });
        await _observers.Notify(o => o.OnNoticesChangedAsync(UserName, Unread, notice));
        if (!deliveries.IsEmpty)
        {
            ScheduleSending();
        }

        // Scheduling a meeting delivers an invitation to every participant's box and nobody reads most of them now; a
        // box that still owes deliveries stays for its outbox's timer.
        if (Pending.Any())
        {
            Idle.Read();
        }
        else
        {
            Idle.Written();
        }

        return true;
    }

    public Task<NoticePage> ListAsync(int offset, int count)
    {
        Idle.Read();
        var notices = state.State.Notices;
        var items = notices.Skip(Math.Clamp(offset, 0, notices.Length)).Take(Math.Clamp(count, 0, NoticePage.MaxSize));
        return Task.FromResult(new NoticePage([.. items], Unread, notices.Length));
    }

    public Task<int> GetUnreadAsync()
    {
        Idle.Read();
        return Task.FromResult(Unread);
    }

    public async Task<Result<int>> MarkReadAsync(string? noticeId)
    {
        Idle.Read();
        var notices = state.State.Notices;
        if (noticeId is not null && !notices.Any(n => n.Notice.Id == noticeId))
        {
            return Result<int>.Refused(ErrorCodes.NoticeNotFound);
        }

        if (notices.Any(n => !n.Read && (noticeId is null || n.Notice.Id == noticeId)))
        {
            await CommitAsync(state.State with
            {
                Notices = [.. state.State.Notices.Select(n => noticeId is null || n.Notice.Id == noticeId ? n with { Read = true } : n)],
            });
            await _observers.Notify(o => o.OnNoticesChangedAsync(UserName, Unread, null));
        }

        return Result<int>.Of(Unread);
    }

    public async Task<NoticePreferences> GetPreferencesAsync()
    {
        var profile = await Person.GetProfileAsync();
        return new NoticePreferences(state.State.ByEmail, state.State.BySms, profile?.Email, profile?.Phone);
    }

    public async Task<CommandResult> SetPreferencesAsync(NoticePreferences preferences)
    {
        if (preferences is null)
        {
            return CommandResult.Refused(ErrorCodes.InvalidInput);
        }

        var contact = await Person.SetContactAsync(preferences.Email, preferences.Phone);
        if (!contact.Ok)
        {
            return contact;
        }

        if (state.State.ByEmail != preferences.ByEmail || state.State.BySms != preferences.BySms)
        {
            await CommitAsync(state.State with { ByEmail = preferences.ByEmail, BySms = preferences.BySms });
        }

        return CommandResult.Accepted(0);
    }

    public Task SubscribeAsync(INoticeObserver observer)
    {
        Idle.Read();
        var id = observer.GetGrainId();
        _observers.Subscribe(id, observer);
        return state.State.Followers.Contains(id.ToString()) ? Task.CompletedTask : StoreFollowersAsync();
    }

    public Task UnsubscribeAsync(INoticeObserver observer)
    {
        _observers.Unsubscribe(observer.GetGrainId());
        return StoreFollowersAsync();
    }

    private Meetings.IdleIndex Idle => _idle ??= new(this);

    private int Unread => state.State.Notices.Count(n => !n.Read);

    private IUserGrain Person => GrainFactory.GetGrain<IUserGrain>(UserName);

    /// <summary>A pending delivery for each channel the person chose, the installation configured and the person can be reached on.</summary>
    private async Task<ImmutableArray<NoticeDelivery>> ChannelsForAsync()
    {
        var chosen = senders.Where(s => s.IsConfigured && (s.Channel == NoticeChannel.Email ? state.State.ByEmail : state.State.BySms)).ToList();
        if (chosen.Count == 0 || await Person.GetProfileAsync() is not { } person)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        return [.. chosen.Where(s => s.Reaches(person)).Select(s => new NoticeDelivery(s.Channel, DeliveryStatus.Pending, 0, null, now))];
    }

    /// <summary>
    /// Makes <paramref name="next"/> the state and stores it; a failed write puts the previous state back unless
    /// something changed it meanwhile. The outbox's sending interleaves with calls, so writes take turns.
    /// </summary>
    private async Task CommitAsync(NoticeBoxState next)
    {
        var before = state.State;
        state.State = next;
        await _writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (ReferenceEquals(state.State, next))
            {
                state.State = before;
            }

            throw;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Stores the followers that have not expired (at most <see cref="NoticeBoxState.MaxFollowers"/>); a failure is logged, the next change stores again.</summary>
    private async Task StoreFollowersAsync()
    {
        _observers.ClearExpired();
        var current = _observers.Observers.Keys.Select(id => id.ToString()).Order(StringComparer.Ordinal).Take(NoticeBoxState.MaxFollowers).ToImmutableArray();
        if (current.SequenceEqual(state.State.Followers, StringComparer.Ordinal))
        {
            return;
        }

        try
        {
            await CommitAsync(state.State with { Followers = current });
        }
        catch (Exception ex)
        {
            LogFollowersNotStored(ex, UserName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notices of {UserName}: storing the followers failed; they are served from memory")]
    private partial void LogFollowersNotStored(Exception exception, string userName);
}
