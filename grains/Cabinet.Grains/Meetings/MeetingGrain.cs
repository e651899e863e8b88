using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Cabinet.Meetings;

/// <summary>
/// One meeting. Commands run one at a time (the grain is not reentrant): decide on the current state, append the
/// ledger entry, persist, and only then answer and notify observers. A failed write keeps the previous state.
/// </summary>
public sealed partial class MeetingGrain(
    [PersistentState("meeting", StorageNames.Meetings)] IPersistentState<MeetingState> state,
    [PersistentState("followers", StorageNames.Meetings)] IPersistentState<FollowerState> followers,
    [PersistentState("connections", StorageNames.Meetings)] IPersistentState<ConnectionState> connections,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    TimeProvider clock,
    Ledger.ILedgerJournal journal,
    Hosting.CabinetSiloOptions options,
    Closing.MeetingSealer sealer,
    ILogger<MeetingGrain> logger) : Grain, IMeetingGrain
{
    private readonly ObserverManager<GrainId, IMeetingObserver> _observers = new(MeetingSubscriptions.Expiry, logger);
    private readonly RecentEvents _recent = new(512);

    /// <summary>Cabinet itself, as the actor of what it does on its own (attendance of vanished connections).</summary>
    private static readonly Actor SystemActor = new("system", "Cabinet", "", false);

    private string MeetingId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RecoverLedgerAsync();
        RestoreFollowers();
        RestorePresence();
        LogActivated(MeetingId, followers.State.Observers.Length, connections.State.Open.Count);
        RepairIndexOnActivation();
        ResumeIntegrationEventsOnActivation();
        if (state.State.SealPending)
        {
            ScheduleSealing(TimeSpan.FromSeconds(1));
        }
    }

    public Task<CommandResult> CreateAsync(Actor actor, MeetingSetup setup) => ExecuteAsync(actor, async c =>
    {
        if (!MeetingKey.IsValid(MeetingId))
        {
            return Decision.Refuse(ErrorCodes.InvalidMeetingId);
        }

        if (setup?.Details is null)
        {
            return Decision.Refuse(ErrorCodes.Invalid("Thiếu thông tin cuộc họp."));
        }

        var participants = await ResolveAsync(setup.Participants);
        if (!participants.Ok)
        {
            return Decision.Refuse(participants.Error!);
        }

        return LifecycleDecisions.Create(state.State, c, setup.Details, participants.Value, setup.Agenda);
    }, requireExisting: false);

    public Task<CommandResult> UpdateDetailsAsync(Actor actor, MeetingDetails details)
    {
        var start = state.State.Details.ScheduledStart;
        return ExecuteAsync(actor, c => Task.FromResult(LifecycleDecisions.UpdateDetails(state.State, c, details)),
            afterAccepted: () => PlanNoticesAsync(invite: state.State.Details.ScheduledStart != start));
    }

    public Task<CommandResult> SetOnlineLinkAsync(Actor actor, string? link) =>
        ExecuteAsync(actor, c => LifecycleDecisions.UpdateDetails(state.State, c, state.State.Details with { OnlineLink = string.IsNullOrWhiteSpace(link) ? null : link.Trim() }));

    public Task<CommandResult> SetParticipantsAsync(Actor actor, ImmutableArray<ParticipantInvite> participants) => ExecuteAsync(actor, async c =>
    {
        if (!MeetingAccess.CanPrepare(state.State, actor))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        var resolved = await ResolveAsync(participants);
        return resolved.Ok ? LifecycleDecisions.SetParticipants(state.State, c, resolved.Value) : Decision.Refuse(resolved.Error!);
    }, afterAccepted: () => PlanNoticesAsync(invite: true));

    public Task<CommandResult> AddParticipantsAsync(Actor actor, ImmutableArray<ParticipantInvite> participants) => ExecuteAsync(actor, async c =>
    {
        if (LifecycleDecisions.CheckBatch(state.State, c, participants) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var resolved = await ResolveAsync(participants);
        return resolved.Ok ? LifecycleDecisions.AddParticipants(state.State, c, resolved.Value) : Decision.Refuse(resolved.Error!);
    }, afterAccepted: () => PlanNoticesAsync(invite: true));

    public Task<CommandResult> AddAgendaItemAsync(Actor actor, AgendaItemInput item) =>
        ExecuteAsync(actor, c => AgendaDecisions.Add(state.State, c, item));

    public Task<CommandResult> UpdateAgendaItemAsync(Actor actor, string itemId, AgendaItemInput item) =>
        ExecuteAsync(actor, c => AgendaDecisions.Update(state.State, c, itemId, item));

    public Task<CommandResult> RemoveAgendaItemAsync(Actor actor, string itemId) =>
        ExecuteAsync(actor, c => AgendaDecisions.Remove(state.State, c, itemId));

    public Task<CommandResult> ReorderAgendaAsync(Actor actor, ImmutableArray<string> itemIds) =>
        ExecuteAsync(actor, c => AgendaDecisions.Reorder(state.State, c, itemIds));

    public Task<CommandResult> ScheduleAsync(Actor actor) => ExecuteAsync(actor, async c =>
        LifecycleDecisions.Schedule(state.State, c, await GrainFactory.GetGrain<IOrganizationGrain>(state.State.OrganizationId).GetRulesAsync()),
        afterAccepted: () => PlanNoticesAsync(invite: true));

    public Task<CommandResult> CancelAsync(Actor actor, string reason) =>
        ExecuteAsync(actor, c => Task.FromResult(LifecycleDecisions.Cancel(state.State, c, reason)), afterAccepted: () => PlanNoticesAsync(invite: false));

    public Task<CommandResult> OpenAsync(Actor actor) => ExecuteAsync(actor, c => LifecycleDecisions.Open(state.State, c));

    public Task<CommandResult> MoveAsync(Actor actor, AgendaMove move) => ExecuteAsync(actor, c => AgendaMoveDecisions.Move(state.State, c, move));

    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Version);
}
