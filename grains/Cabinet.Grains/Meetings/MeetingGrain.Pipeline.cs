using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Voting.Ledger;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

public sealed partial class MeetingGrain
{
    private Task<CommandResult> ExecuteAsync(Actor actor, Func<MeetingCommand, Decision> decide, [CallerMemberName] string kind = "") =>
        ExecuteAsync(actor, c => Task.FromResult(decide(c)), kind: kind);

    /// <summary>The one place a meeting command is decided and stored; counted by kind (the calling method) and outcome.</summary>
    private async Task<CommandResult> ExecuteAsync(
        Actor actor,
        Func<MeetingCommand, Task<Decision>> decide,
        bool requireExisting = true,
        Func<Task>? afterAccepted = null,
        [CallerMemberName] string kind = "")
    {
        var result = await DecideAndStoreAsync(actor, decide, requireExisting, afterAccepted);
        Diagnostics.CabinetMetrics.Command(kind, result);
        return result;
    }

    private async Task<CommandResult> DecideAndStoreAsync(
        Actor actor, Func<MeetingCommand, Task<Decision>> decide, bool requireExisting, Func<Task>? afterAccepted)
    {
        var before = state.State;
        if (requireExisting && !before.Exists)
        {
            return CommandResult.Refused(ErrorCodes.MeetingNotFound);
        }

        var command = new MeetingCommand(MeetingId, actor, clock.GetUtcNow());
        var decision = FloorSettlement.Settle(before, command, await decide(command));
        if (decision.Error is { } error)
        {
            return CommandResult.Refused(error, before.Version);
        }

        if (decision.Next is null || decision.Event is null)
        {
            return CommandResult.Accepted(before.Version);
        }

        var version = before.Version + 1;
        var published = decision.Event.ChangesRoster ? decision.Event with { Quorum = decision.Next.Quorum() } : decision.Event;
        var entry = LedgerEntry.Next(before.LedgerHead(), version, command.At, actor.UserName, published.Kind, decision.Detail);
        try
        {
            // Journal first: an entry whose state write never happened is cut off on activation (it was never acknowledged);
            // a state whose entry is not in the journal cannot arise.
            await journal.AppendAsync(MeetingId, [entry]);
            if (options.FailStateWriteAfterLedgerAppend?.Invoke(MeetingId) == true)
            {
                throw new IOException("Fault injection: the state write failed after the ledger append.");
            }

            var next = (decision.Next with { Version = version, IndexSchema = MeetingIndexing.Schema }).WithLedgerHead(entry);
            state.State = WithIntegrationEvent(next with { IndexDebt = MeetingIndexing.Debt(before, next) }, published);
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = before;
            LogWriteFailed(ex, MeetingId, published.Kind);
            // The store may or may not hold the write; reload from it on the next call rather than guess.
            DeactivateOnIdle();
            return CommandResult.Refused(ErrorCodes.StorageFailed, before.Version);
        }

        _recent.Add(published);
        await _observers.Notify(o => o.OnMeetingEventAsync(published));
        await HandIntegrationEventsAsync();
        if (state.State.IndexDebt is not null && !ReferenceEquals(state.State.IndexDebt, before.IndexDebt))
        {
            await PayIndexDebtAsync();
        }

        if (afterAccepted is not null)
        {
            await afterAccepted();
        }

        return CommandResult.Accepted(version);
    }

    public Task<Result<MeetingSnapshot>> GetSnapshotAsync(Actor actor) =>
        Task.FromResult(Query(actor, s => s.ToSnapshot(MeetingId) with { ServerTime = clock.GetUtcNow() }));

    public Task<Result<MeetingSnapshot>> GetPersonalSnapshotAsync(Actor actor) =>
        Task.FromResult(Query(actor, s => s.ToSnapshot(MeetingId).ForPerson(actor.UserName) with { ServerTime = clock.GetUtcNow() }));

    public Task<Result<MeetingSummary>> GetSummaryAsync(Actor actor) =>
        Task.FromResult(Query(actor, s => new MeetingSummary(
            MeetingId, s.OrganizationId, s.Details, s.Status, MeetingAccess.RoleOf(s, actor), s.Agenda.Length,
            MyAnswer: MeetingPermissions.ParticipantOf(s.Participants, actor.UserName)?.AnswerKind ?? AnswerKind.Pending)));

    public Task<Result<CatchUp>> GetEventsSinceAsync(Actor actor, long version) => EventsSince(actor, version, personal: false);

    public Task<Result<CatchUp>> GetPersonalEventsSinceAsync(Actor actor, long version) => EventsSince(actor, version, personal: true);

    private Task<Result<CatchUp>> EventsSince(Actor actor, long version, bool personal) =>
        Task.FromResult(Query(actor, s => _recent.Since(version, s.Version) is { } events
            ? new CatchUp(events, null)
            : new CatchUp([], (personal ? s.ToSnapshot(MeetingId).ForPerson(actor.UserName) : s.ToSnapshot(MeetingId)) with { ServerTime = clock.GetUtcNow() })));

    private Result<T> Query<T>(Actor actor, Func<MeetingState, T> read)
    {
        var s = state.State;
        if (!s.Exists)
        {
            return Result<T>.Refused(ErrorCodes.MeetingNotFound);
        }

        return MeetingAccess.CanView(s, actor) ? Result<T>.Of(read(s)) : Result<T>.Refused(ErrorCodes.Forbidden);
    }

    /// <summary>Turns invitations into participants with names and positions from the directory.</summary>
    private async Task<Result<ImmutableArray<Participant>>> ResolveAsync(ImmutableArray<ParticipantInvite> invites)
    {
        if (invites.IsDefault)
        {
            return Result<ImmutableArray<Participant>>.Refused(ErrorCodes.NoChair);
        }

        var participants = ImmutableArray.CreateBuilder<Participant>(invites.Length);
        foreach (var invite in invites)
        {
            if (string.IsNullOrWhiteSpace(invite?.UserName) || invite.UserName.Length > 64)
            {
                return Result<ImmutableArray<Participant>>.Refused(ErrorCodes.Invalid("Tên người tham dự không hợp lệ."));
            }

            var profile = await GrainFactory.GetGrain<IUserGrain>(invite.UserName).GetProfileAsync();
            if (profile is null)
            {
                return Result<ImmutableArray<Participant>>.Refused(ErrorCodes.UnknownUser with
                {
                    Message = $"{ErrorCodes.UnknownUser.Message} ({invite.UserName})",
                });
            }

            participants.Add(new Participant(profile.UserName, profile.DisplayName, invite.Role, profile.OrganizationId, profile.Position));
        }

        return Result<ImmutableArray<Participant>>.Of(participants.MoveToImmutable());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting {MeetingId}: storing {Kind} failed; the command was refused")]
    private partial void LogWriteFailed(Exception exception, string meetingId, string kind);
}
