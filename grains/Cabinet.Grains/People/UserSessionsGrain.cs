using System.Collections.Immutable;
using System.Security.Cryptography;
using Cabinet.Errors;
using Cabinet.Storage;

namespace Cabinet.People;

/// <summary>
/// One person's sessions. Every check of a session is a use of it: it ends after <see cref="SessionLimits.IdleMinutes"/>
/// without one, and <see cref="SessionLimits.AbsoluteHours"/> after its sign-in. Last use is noted in memory at most once
/// a minute and written a minute later (or when the grain deactivates, or with the next write), never while the use
/// waits: when the chair opened a vote, every idle delegate's first call wrote and fsynced their sessions inside the
/// ballot's path (3,000 writes in a 3,000-ballot burst). A host that dies loses at most that minute of last use, so
/// a session may end up to a minute before its idle limit.
/// </summary>
public sealed class UserSessionsGrain(
    [PersistentState("sessions", StorageNames.People)] IPersistentState<UserSessionsState> state,
    SessionLimits limits,
    TimeProvider clock) : Grain, IUserSessionsGrain
{
    private static readonly TimeSpan UseWrittenEvery = TimeSpan.FromMinutes(1);

    /// <summary>Set while a use noted in memory waits for its write.</summary>
    private IGrainTimer? _useWrite;

    public async Task<SessionOpened> StartAsync(SessionStart start)
    {
        var now = clock.GetUtcNow();
        var open = Alive(now);
        var replaced = open.Length >= limits.MaxPerPerson ? open.MinBy(s => s.LastSeenAt) : null;
        var key = start.Kind == SessionKind.App ? RandomNumberGenerator.GetBytes(32) : null;
        var session = new StoredSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), start.Kind, now, now,
            start.Address, start.UserAgent, start.Ticket, key, 1);
        await SaveAsync(open.Remove(replaced!).Add(session));
        var refresh = key is null ? null : RefreshToken.Issue(this.GetPrimaryKeyString(), session.Id, 1, key).ToString();
        return new SessionOpened(session.Id, refresh, replaced?.Id);
    }

    public async Task<byte[]?> GetTicketAsync(string sessionId) => (await UseAsync(sessionId))?.Ticket;

    public async Task RenewTicketAsync(string sessionId, byte[] ticket)
    {
        if (await UseAsync(sessionId) is { } session)
        {
            await SaveAsync(state.State.Sessions.Replace(session, session with { Ticket = ticket }));
        }
    }

    public async Task<bool> IsAliveAsync(string sessionId) => await UseAsync(sessionId) is not null;

    public async Task<RefreshOutcome> RefreshAsync(string refreshToken)
    {
        var token = RefreshToken.Parse(refreshToken);
        var session = token is null ? null : await UseAsync(token.SessionId);
        if (token is null || session?.RefreshKey is not { } key || !token.IsProvedBy(key) || token.Generation > session.RefreshGeneration)
        {
            return new RefreshOutcome(null, null, ErrorCodes.RefreshInvalid, false);
        }

        if (token.Generation < session.RefreshGeneration)
        {
            // A token we rotated away was presented again: it was copied. End the family; both holders sign in again.
            await SaveAsync(state.State.Sessions.Remove(session));
            return new RefreshOutcome(session.Id, null, ErrorCodes.RefreshReused, true);
        }

        var next = session with { RefreshGeneration = session.RefreshGeneration + 1, LastSeenAt = clock.GetUtcNow() };
        await SaveAsync(state.State.Sessions.Replace(session, next));
        return new RefreshOutcome(session.Id, RefreshToken.Issue(this.GetPrimaryKeyString(), session.Id, next.RefreshGeneration, key).ToString(), null, false);
    }

    public async Task<Result<string>> RevokeAsync(string refreshToken)
    {
        var token = RefreshToken.Parse(refreshToken);
        var session = token is null ? null : state.State.Sessions.FirstOrDefault(s => s.Id == token.SessionId);
        if (token is null || session?.RefreshKey is not { } key || !token.IsProvedBy(key))
        {
            return Result<string>.Refused(ErrorCodes.RefreshInvalid);
        }

        await SaveAsync(state.State.Sessions.Remove(session));
        return Result<string>.Of(session.Id);
    }

    public async Task<CommandResult> EndAsync(string sessionId)
    {
        var session = state.State.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (session is null)
        {
            return CommandResult.Refused(ErrorCodes.SessionNotFound);
        }

        await SaveAsync(state.State.Sessions.Remove(session));
        return CommandResult.Accepted(state.State.Sessions.Length);
    }

    public async Task<ImmutableArray<string>> EndAllAsync()
    {
        var ended = state.State.Sessions.Select(s => s.Id).ToImmutableArray();
        if (!ended.IsEmpty)
        {
            await SaveAsync([]);
        }

        return ended;
    }

    public Task<ImmutableArray<SessionView>> ListAsync()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(Alive(now).OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, s.Kind, s.StartedAt, s.LastSeenAt, ExpiresAt(s), s.Address, s.UserAgent)).ToImmutableArray());
    }

    /// <summary>The session if it is alive, its use recorded; null (and it is removed) when it is over.</summary>
    private async Task<StoredSession?> UseAsync(string sessionId)
    {
        var now = clock.GetUtcNow();
        var session = state.State.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (session is null)
        {
            return null;
        }

        if (now >= ExpiresAt(session))
        {
            await SaveAsync(Alive(now));
            return null;
        }

        if (now - session.LastSeenAt >= UseWrittenEvery)
        {
            var used = session with { LastSeenAt = now };
            state.State = state.State with { Sessions = state.State.Sessions.Replace(session, used) };
            _useWrite ??= this.RegisterGrainTimer(WriteUseAsync, new GrainTimerCreationOptions(UseWrittenEvery, Timeout.InfiniteTimeSpan));
            return used;
        }

        return session;
    }

    private async Task WriteUseAsync(CancellationToken cancellationToken)
    {
        ForgetUseWrite();
        await state.WriteStateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_useWrite is not null)
        {
            ForgetUseWrite();
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private void ForgetUseWrite()
    {
        _useWrite?.Dispose();
        _useWrite = null;
    }

    private DateTimeOffset ExpiresAt(StoredSession session) =>
        Min(session.LastSeenAt + TimeSpan.FromMinutes(limits.IdleMinutes), session.StartedAt + TimeSpan.FromHours(limits.AbsoluteHours));

    private ImmutableArray<StoredSession> Alive(DateTimeOffset now) => state.State.Sessions.RemoveAll(s => now >= ExpiresAt(s));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Writes the sessions, with any use noted since the last write.</summary>
    private Task SaveAsync(ImmutableArray<StoredSession> sessions)
    {
        ForgetUseWrite();
        state.State = state.State with { Sessions = sessions };
        return state.WriteStateAsync();
    }
}
