using Cabinet.Errors;
using Cabinet.Hub.Feeds;
using Cabinet.Hub.Limits;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cabinet.Web.Sessions;

/// <summary>
/// One Blazor circuit's view of one meeting: joins it (presence), follows this host's feed, applies events in
/// version order and catches up from the grain when it sees a gap. Pages read <see cref="Snapshot"/> and call commands.
/// </summary>
public sealed partial class MeetingSession(
    IGrainFactory grains, MeetingFeeds feeds, ThisHost host, AuthenticationStateProvider authentication, CommandLimiter limiter,
    Microsoft.Extensions.Logging.ILogger<MeetingSession> logger)
    : IAsyncDisposable
{
    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly string _connectionId = $"circuit-{Guid.NewGuid():N}";
    private IAsyncDisposable? _subscription;
    private IMeetingGrain? _grain;
    private int _disposed;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PollParticipation> _participation = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MyBallot> _myBallots = new(StringComparer.Ordinal);

    public MeetingSnapshot? Snapshot { get; private set; }

    public CabinetError? Error { get; private set; }

    public Actor? Actor { get; private set; }

    /// <summary>The latest participation count per open poll, as pushed to the room.</summary>
    public IReadOnlyDictionary<string, PollParticipation> Participation => _participation;

    public MeetingRole Role => Snapshot is null || Actor is null ? MeetingRole.None
        : MeetingPermissions.RoleOf(Snapshot.Participants, Snapshot.OrganizationId, Snapshot.Status, Actor);

    /// <summary>Raised after the snapshot changed; handlers re-render.</summary>
    public event Func<Task>? Changed;

    public async Task StartAsync(string meetingId)
    {
        Actor = CabinetClaims.ToActor((await authentication.GetAuthenticationStateAsync()).User);
        if (Actor is null)
        {
            Error = ErrorCodes.NotSignedIn;
            return;
        }

        if (!MeetingKey.IsValid(meetingId))
        {
            Error = ErrorCodes.InvalidMeetingId;
            return;
        }

        _grain = grains.GetGrain<IMeetingGrain>(meetingId);
        var connected = await _grain.ConnectAsync(Actor, _connectionId, host.Address);
        if (!connected.Ok)
        {
            Error = connected.Error;
            return;
        }

        _subscription = await feeds.ListenAsync(meetingId, new MeetingListener(Actor.UserName, OnEventAsync, OnVersionAsync, OnParticipationAsync, OnAnnotationAsync, OnMyBallotAsync));
        var snapshot = await _grain.GetSnapshotAsync(Actor);
        (Snapshot, Error) = (snapshot.Value, snapshot.Error);
        Acknowledge();
    }

    /// <summary>Asks the meeting something as the signed-in person (the grain checks they may).</summary>
    public Task<Result<T>> QueryAsync<T>(Func<IMeetingGrain, Actor, Task<Result<T>>> query) =>
        _grain is null || Actor is null ? Task.FromResult(Result<T>.Refused(Error ?? ErrorCodes.NotSignedIn)) : Guarded(() => query(_grain, Actor));

    /// <summary>Runs a command as the signed-in person; the change itself arrives back as an event like everyone else's.</summary>
    /// <remarks>Counted against the person's command rate exactly as a hub command is: a page is not a way around the limit.</remarks>
    public Task<CommandResult> RunAsync(Func<IMeetingGrain, Actor, Task<CommandResult>> command) =>
        _grain is null || Actor is null ? Task.FromResult(CommandResult.Refused(Error ?? ErrorCodes.NotSignedIn))
        : !limiter.TryAcquire(Actor.UserName) ? Task.FromResult(CommandResult.Refused(ErrorCodes.RateLimited))
        : Guarded(() => command(_grain, Actor));

    /// <summary>Casts a ballot signed on this person's device; the receipt comes back once it is stored.</summary>
    public Task<Result<Receipt>> CastAsync(BallotSubmission ballot) =>
        Actor is null ? Task.FromResult(Result<Receipt>.Refused(ErrorCodes.NotSignedIn))
            : Guarded(() => grains.GetGrain<IPollGrain>($"{ballot.MeetingId}/{ballot.PollId}").CastAsync(Actor, ballot));

    public Task<Result<DeviceKey>> RegisterDeviceAsync(string label, string publicKeySpki) =>
        Guarded(() => grains.GetGrain<IUserGrain>(Actor!.UserName).RegisterDeviceAsync(label, publicKeySpki));

    public Task<System.Collections.Immutable.ImmutableArray<DeviceKey>> GetDevicesAsync() =>
        grains.GetGrain<IUserGrain>(Actor!.UserName).GetDevicesAsync();

    public async Task<PollParticipation?> GetParticipationAsync(string pollId)
    {
        var result = _grain is null || Actor is null ? null : await _grain.GetPollParticipationAsync(Actor, pollId);
        if (result?.Value is { } p)
        {
            _participation[pollId] = p with { NotYetVoted = null };
        }

        return result?.Value;
    }

    public async Task<BallotChain?> GetBallotChainAsync(string pollId) =>
        _grain is null || Actor is null ? null : (await _grain.GetBallotChainAsync(Actor, pollId)).Value;

    /// <summary>
    /// This person's ballot in a poll as the server knows it: asked once per poll, then kept up to date by the push
    /// that follows every ballot they cast, from any of their screens.
    /// </summary>
    public async Task<MyBallot?> GetMyBallotAsync(string pollId)
    {
        if (_myBallots.TryGetValue(pollId, out var known) || _grain is null || Actor is null)
        {
            return known;
        }

        var asked = await Guarded(() => _grain.GetMyBallotAsync(Actor, pollId));
        return asked.Value is { } mine ? _myBallots.GetOrAdd(pollId, mine) : null;
    }

    private async Task OnMyBallotAsync(MyBallot ballot)
    {
        _myBallots[ballot.PollId] = ballot;
        if (Changed is { } changed)
        {
            await changed();
        }
    }

    private async Task OnParticipationAsync(PollParticipation participation)
    {
        _participation[participation.PollId] = participation;
        if (Changed is { } changed)
        {
            await changed();
        }
    }

    /// <summary>A shared annotation changed in this meeting (the document viewer listens).</summary>
    public event Func<Cabinet.Documents.AnnotationChange, Task>? AnnotationChanged;

    private Task OnAnnotationAsync(Cabinet.Documents.AnnotationChange change) =>
        AnnotationChanged?.Invoke(change) ?? Task.CompletedTask;

    private Task OnEventAsync(MeetingEvent e) => UpdateAsync(s => e.Version == s.Version + 1 ? Task.FromResult(s.Apply(e)) : CatchUpAsync(s, e.Version));

    private Task OnVersionAsync(long version) => UpdateAsync(s => CatchUpAsync(s, version));

    private async Task UpdateAsync(Func<MeetingSnapshot, Task<MeetingSnapshot>> update)
    {
        await _apply.WaitAsync();
        try
        {
            var before = Snapshot;
            if (before is null)
            {
                return;
            }

            Snapshot = await update(before);
            if (!ReferenceEquals(before, Snapshot))
            {
                Acknowledge();
                if (Changed is { } changed)
                {
                    await changed();
                }
            }
        }
        finally
        {
            _apply.Release();
        }
    }

    private async Task<MeetingSnapshot> CatchUpAsync(MeetingSnapshot current, long seenVersion)
    {
        if (seenVersion <= current.Version || _grain is null || Actor is null)
        {
            return current;
        }

        var catchUp = await _grain.GetEventsSinceAsync(Actor, current.Version);
        if (!catchUp.Ok)
        {
            return current;
        }

        return catchUp.Value!.Snapshot ?? catchUp.Value.Events.Aggregate(current, (s, e) => e.Version == s.Version + 1 ? s.Apply(e) : s);
    }

    /// <summary>Tells the chair's room view which version this circuit shows (one-way: no answer, no event).</summary>
    private void Acknowledge()
    {
        if (_grain is not null && Actor is not null && Snapshot is { } s)
        {
            _ = _grain.AcknowledgeVersionAsync(Actor, s.Version);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }

        if (_grain is not null && Actor is not null)
        {
            await _grain.DisconnectAsync(Actor, _connectionId);
        }

        _apply.Dispose();
    }
}
