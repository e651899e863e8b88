using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Storage;
using Cabinet.Voting.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Cabinet.Opinions;

/// <summary>
/// One opinion ballot. A step is decided by <see cref="OpinionSteps"/> (or the answer checks), chained into the
/// ballot's ledger (its own journal, <see cref="JournalName"/>), stored, and only then acknowledged and pushed. A failed
/// write leaves the stored state and the journal as they were.
/// </summary>
public sealed partial class OpinionBallotGrain(
    [PersistentState("opinion", StorageNames.Meetings)] IPersistentState<OpinionBallotState> state,
    [FromKeyedServices(OpinionBallotGrain.JournalName)] ILedgerJournal journal,
    OpinionLimits limits,
    OpinionNotices notices,
    OpinionReports reports,
    Notices.NoticeLinks links,
    TimeProvider clock,
    ILogger<OpinionBallotGrain> logger) : Grain, IOpinionBallotGrain, IRemindable
{
    public const string JournalName = "opinions";

    private readonly ObserverManager<GrainId, IOpinionObserver> _observers = new(OpinionSubscriptions.Expiry, logger);

    /// <summary>The ballot's key, which is also what clients call its id (as a meeting's id is its key).</summary>
    private string Key => this.GetPrimaryKeyString();

    private OpinionBallotState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A journal entry whose state write never happened was never acknowledged: cut it off.
        if (OpinionKey.IsValid(Key) && await journal.LastSequenceAsync(Key) > (S.LedgerHead?.Sequence ?? 0))
        {
            await journal.TruncateAfterAsync(Key, S.LedgerHead?.Sequence ?? 0);
        }

        ResumeIntegrationEventsOnActivation();
    }

    public async Task<CommandResult> DraftAsync(Actor actor, OpinionDraft draft)
    {
        if (!OpinionKey.IsValid(Key))
        {
            return CommandResult.Refused(ErrorCodes.OpinionNotFound);
        }

        if (S.Exists)
        {
            return CommandResult.Refused(ErrorCodes.OpinionExists);
        }

        return await WriteDraftAsync(actor, draft);
    }

    public Task<CommandResult> EditAsync(Actor actor, OpinionDraft draft) =>
        S.Exists ? WriteDraftAsync(actor, draft) : Task.FromResult(CommandResult.Refused(ErrorCodes.OpinionNotFound));

    public async Task<CommandResult> AttachDocumentAsync(Actor actor, string name, string sha256, long bytes)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 200 || sha256 is not { Length: 64 } || bytes <= 0)
        {
            return CommandResult.Refused(ErrorCodes.Invalid("Tên tài liệu không được để trống và không quá 200 ký tự."));
        }

        return await ApplyAsync(actor, OpinionSteps.AttachDocument(S, actor, new OpinionDocument(name, 0, sha256, bytes, clock.GetUtcNow()), limits));
    }

    public Task<CommandResult> SubmitAsync(Actor actor) => ApplyAsync(actor, OpinionSteps.Submit(S, actor, limits, clock.GetUtcNow()));

    public Task<CommandResult> ReturnAsync(Actor actor, string comment) => ApplyAsync(actor, OpinionSteps.Return(S, Key, actor, comment, limits));

    public async Task<CommandResult> ApproveAsync(Actor actor)
    {
        var result = await ApplyAsync(actor, OpinionSteps.Approve(S, Key, actor, clock.GetUtcNow()));
        if (result.Ok)
        {
            await OpinionDeadlines.ScheduleAsync(this, S.Deadline, clock.GetUtcNow());
            await notices.SentAsync(Key, S.Title, [.. S.Members.Select(m => m.UserName)], S.Deadline);
        }

        return result;
    }

    public async Task<CommandResult> CloseAsync(Actor actor)
    {
        var result = await ApplyAsync(actor, OpinionSteps.Close(S, actor, clock.GetUtcNow()));
        if (result.Ok)
        {
            await OpinionDeadlines.CancelAsync(this);
            await DraftReportAsync(actor);
        }

        return result;
    }

    public Task<Result<OpinionBallotView>> GetAsync(Actor actor) =>
        Task.FromResult(Viewable(actor) is { } refused ? Result<OpinionBallotView>.Refused(refused) : Result<OpinionBallotView>.Of(S.ToView(Key)));

    public Task<Result<OpinionConsolidation>> GetConsolidationAsync(Actor actor) =>
        Task.FromResult(Following(actor) is { } refused
            ? Result<OpinionConsolidation>.Refused(refused)
            : Result<OpinionConsolidation>.Of(OpinionTallies.Consolidate(S, Key)));

    public Task<Result<ImmutableArray<OpinionDocument>>> GetDocumentsAsync(Actor actor) =>
        Task.FromResult(Viewable(actor) is { } refused ? Result<ImmutableArray<OpinionDocument>>.Refused(refused) : Result<ImmutableArray<OpinionDocument>>.Of(S.Documents));

    public async Task<Result<LedgerPage>> GetLedgerPageAsync(Actor actor, long fromSequence, int count)
    {
        if (Following(actor) is { } refused)
        {
            return Result<LedgerPage>.Refused(refused);
        }

        var last = S.LedgerHead?.Sequence ?? 0;
        var from = Math.Max(1, fromSequence);
        var wanted = (int)Math.Max(0, Math.Min(Math.Clamp(count, 1, LedgerPage.MaxEntries), last - from + 1));
        var entries = wanted == 0 ? [] : await journal.ReadAsync(Key, from, wanted);
        var next = from + entries.Count;
        return Result<LedgerPage>.Of(new LedgerPage([.. entries], last, next <= last ? next : null));
    }

    public Task SubscribeAsync(IOpinionObserver observer)
    {
        _observers.Subscribe(observer.GetGrainId(), observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IOpinionObserver observer)
    {
        _observers.Unsubscribe(observer.GetGrainId());
        return Task.CompletedTask;
    }

    /// <summary>Refuses those who may not see the ballot (and a ballot that does not exist).</summary>
    private CabinetError? Viewable(Actor actor) =>
        !S.Exists ? ErrorCodes.OpinionNotFound
        : !OpinionPermissions.MayView(actor, S.ToView(Key)) ? ErrorCodes.Forbidden
        : null;

    /// <summary>Refuses those who may not follow who answered what (and the ledger, which says it).</summary>
    private CabinetError? Following(Actor actor) =>
        Viewable(actor) ?? (OpinionPermissions.MayFollowAnswers(actor, S.ToView(Key)) ? null : ErrorCodes.Forbidden);

    private async Task<CommandResult> WriteDraftAsync(Actor actor, OpinionDraft draft)
    {
        var organizationId = OpinionKey.OrganizationOf(Key);
        if (!OpinionPermissions.MayDraft(actor, organizationId))
        {
            return CommandResult.Refused(ErrorCodes.NotOpinionOffice);
        }

        if (OpinionDraftRules.Check(draft, limits, clock.GetUtcNow()) is { } invalid)
        {
            return CommandResult.Refused(invalid);
        }

        var people = await OpinionPeople.LookUpAsync(GrainFactory, organizationId, [.. draft.Members, draft.Chair]);
        if (!people.Ok)
        {
            return CommandResult.Refused(people.Error!);
        }

        var members = people.Value!.Take(draft.Members.Length).ToImmutableArray();
        return await ApplyAsync(actor, OpinionSteps.Write(S, organizationId, actor, draft, members, people.Value![^1]));
    }

    /// <summary>Chains the step into the ledger, stores it, then pushes it; refusals and failed writes change nothing.</summary>
    private async Task<CommandResult> ApplyAsync(Actor actor, OpinionStep step)
    {
        if (step.Error is { } error)
        {
            return CommandResult.Refused(error, S.Version);
        }

        var stored = await StoreAsync(actor, step, clock.GetUtcNow());
        return stored is { } failed ? CommandResult.Refused(failed, S.Version) : CommandResult.Accepted(S.Version);
    }

    private async Task<CabinetError?> StoreAsync(Actor actor, OpinionStep step, DateTimeOffset now)
    {
        var previous = S;
        var version = previous.Version + 1;
        var entry = LedgerEntry.Next(previous.LedgerHead, version, now, actor.UserName, step.Kind, step.Detail);
        try
        {
            await journal.AppendAsync(Key, [entry]);
            state.State = step.Next! with { Version = version, LedgerHead = entry };
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogStoreFailed(ex, Key, step.Kind);
            state.State = previous;
            await CutJournalAsync(previous.LedgerHead?.Sequence ?? 0);
            return ErrorCodes.StorageFailed;
        }

        var pushed = new OpinionEvent(Key, version, step.Kind, actor.UserName, now, S.Status);
        await _observers.Notify(o => o.OnOpinionEventAsync(pushed));
        await ListAsync();
        return null;
    }

    private async Task CutJournalAsync(long head)
    {
        try
        {
            await journal.TruncateAfterAsync(Key, head);
        }
        catch (Exception ex) when (ex is IOException or LedgerJournalException)
        {
            // The next activation cuts it (OnActivateAsync); until then nothing may follow.
            LogStoreFailed(ex, Key, "truncate");
            DeactivateOnIdle();
        }
    }

    /// <summary>Keeps the organisation's list in step; a failure there never undoes the step (the next one writes it again).</summary>
    private async Task ListAsync()
    {
        try
        {
            var viewers = S.Status >= OpinionStatus.Sent ? S.Members.Select(m => m.UserName).Append(S.Chair.UserName) : [S.Chair.UserName];
            await GrainFactory.GetGrain<IOpinionBallotsGrain>(S.OrganizationId).RecordAsync(
                new OpinionSummary(Key, S.Title, S.Status, S.Deadline, S.Chair.DisplayName, clock.GetUtcNow()), [.. viewers.Distinct()]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogStoreFailed(ex, Key, "list");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Opinion ballot {Key}: storing step {Kind} failed")]
    private partial void LogStoreFailed(Exception ex, string key, string kind);
}
