using System.Collections.Immutable;
using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Polls;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// Conclusions, and closing: the close itself is one command; the draft minutes follow on a timer, then people
/// review and sign them (<see cref="MeetingGrain"/>.Minutes), and once the clerk has sealed them the archive follows
/// on the timer again, retried until it succeeds and recorded as <c>meeting.archived</c>. The seal queue remembers a
/// closed-but-unarchived meeting across restarts.
/// </summary>
public sealed partial class MeetingGrain
{
    private IGrainTimer? _sealing;

    public Task<CommandResult> DraftConclusionAsync(Actor actor, string itemId, ImmutableArray<string> paragraphs) =>
        ExecuteAsync(actor, c => ConclusionDecisions.Draft(state.State, c, itemId, paragraphs));

    public Task<CommandResult> ApproveConclusionAsync(Actor actor, string itemId, int revision) =>
        ExecuteAsync(actor, c => ConclusionDecisions.Approve(state.State, c, itemId, revision));

    public async Task<CommandResult> PublishConclusionAsync(Actor actor, string itemId)
    {
        // The ledger first; publishing the same revision again is accepted unchanged and sends it again, so a list
        // that missed it (a host failing in between) is mended by repeating the action.
        var result = await ExecuteAsync(actor, c => ConclusionDecisions.Publish(state.State, c, itemId));
        var s = state.State;
        if (!result.Ok || s.Conclusions.FirstOrDefault(x => x.ItemId == itemId) is not { ApprovedAt: { } approvedAt } view
            || s.Agenda.FirstOrDefault(i => i.Id == itemId) is not { } item)
        {
            return result;
        }

        var conclusion = new PublishedConclusion(MeetingId, itemId, s.Details.Title, s.Details.ScheduledStart, item.Title, view.Approved, approvedAt, clock.GetUtcNow());
        var listed = await GrainFactory.GetGrain<IPublishedConclusionsGrain>(IPublishedConclusionsGrain.KeyOf(s.OrganizationId, s.Details.ScheduledStart.Year))
            .PublishAsync(conclusion);
        return listed.Ok ? result : CommandResult.Refused(listed.Error!, s.Version);
    }

    public Task<Result<ImmutableArray<string>>> GetConclusionDraftAsync(Actor actor, string itemId)
    {
        if (!state.State.Exists || !MeetingAccess.CanPrepare(state.State, actor))
        {
            return Task.FromResult(Result<ImmutableArray<string>>.Refused(state.State.Exists ? ErrorCodes.Forbidden : ErrorCodes.MeetingNotFound));
        }

        return Task.FromResult(state.State.ConclusionDrafts.TryGetValue(itemId, out var draft)
            ? Result<ImmutableArray<string>>.Of(draft)
            : Result<ImmutableArray<string>>.Refused(ErrorCodes.ConclusionEmpty));
    }

    public async Task<CommandResult> CloseAsync(Actor actor)
    {
        var wasLive = state.State.Status == MeetingStatus.Live;
        if (wasLive && MeetingAccess.CanRun(state.State, actor))
        {
            // Queue first: if this host dies right after the close is stored, the queue still knows to seal it.
            await SealQueue.AddAsync(MeetingId);
        }

        var result = await ExecuteAsync(actor, c => LifecycleDecisions.Close(state.State, c));
        if (result.Ok && state.State.SealPending)
        {
            ScheduleSealing(TimeSpan.Zero);
        }
        else if (wasLive && state.State.Status != MeetingStatus.Closed)
        {
            await SealQueue.RemoveAsync(MeetingId);
        }

        return result;
    }

    public async Task ResumeSealingAsync()
    {
        if (state.State.SealPending)
        {
            await SealAsync(CancellationToken.None);
        }
        else
        {
            await SealQueue.RemoveAsync(MeetingId);
        }
    }

    /// <summary>
    /// Runs <see cref="SealAsync"/> after <paramref name="due"/>, then every 30 s until it has nothing to do. A timer
    /// already running is brought forward: the clerk's seal right after the draft must not wait for the next tick.
    /// </summary>
    private void ScheduleSealing(TimeSpan due)
    {
        var every = TimeSpan.FromSeconds(30);
        if (_sealing is null)
        {
            _sealing = this.RegisterGrainTimer(SealAsync, new GrainTimerCreationOptions(due, every));
        }
        else
        {
            _sealing.Change(due, every);
        }
    }

    /// <summary>
    /// What Cabinet does on its own after the close: the draft minutes at once, the archive once the clerk has sealed
    /// the minutes. In between (review, the people named sign, the seal) it waits for people; the timer stops.
    /// </summary>
    private async Task SealAsync(CancellationToken cancellationToken)
    {
        if (!state.State.SealPending || state.State.Minutes is { SealedAt: null })
        {
            _sealing?.Dispose();
            _sealing = null;
            return;
        }

        try
        {
            if (state.State.Minutes is null)
            {
                var draft = await sealer.StoreMinutesAsync(await sealer.DraftAsync(await MinutesRequestAsync()));
                await ExecuteAsync(SystemActor, c => MinutesDecisions.Drafted(state.State, c, draft));
                return;
            }

            var minutes = await sealer.LoadMinutesAsync(state.State.Minutes.Sha256);
            var archive = await sealer.ArchiveAsync(await SealRequestAsync(), minutes, clock.GetUtcNow());
            var recorded = await ExecuteAsync(SystemActor, c => ClosingDecisions.Archived(state.State, c, archive));
            if (recorded.Ok)
            {
                await SealQueue.RemoveAsync(MeetingId);
                _sealing?.Dispose();
                _sealing = null;
            }
        }
        catch (Exception ex)
        {
            LogSealingFailed(ex, MeetingId);
        }
    }

    /// <summary>What the minutes are written from (the state, the organisation's name; the ledger is read by the sealer) — no polls' ballots.</summary>
    private async Task<SealRequest> MinutesRequestAsync()
    {
        var organization = await GrainFactory.GetGrain<IOrganizationGrain>(state.State.OrganizationId).GetProfileAsync();
        return new SealRequest(MeetingId, organization?.Name ?? state.State.OrganizationId, state.State, []);
    }

    /// <summary>The minutes' request with each closed poll's signed result, ballot chain and signed ballots, for the archive.</summary>
    private async Task<SealRequest> SealRequestAsync()
    {
        var polls = new List<(PollView, SignedPollResult, Voting.Ballots.BallotChain, ImmutableArray<BallotEvidenceRecord>)>();
        foreach (var poll in state.State.Polls.Where(p => p.Result is not null))
        {
            var grain = Poll(poll.PollId);
            polls.Add((poll, (await grain.GetResultAsync()).Value!, (await grain.GetChainAsync()).Value!, (await grain.GetBallotEvidenceAsync()).Value));
        }

        return await MinutesRequestAsync() with { Polls = polls };
    }

    private ISealQueueGrain SealQueue => GrainFactory.GetGrain<ISealQueueGrain>(ISealQueueGrain.Key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting {MeetingId}: sealing failed; it will be retried")]
    private partial void LogSealingFailed(Exception exception, string meetingId);
}
