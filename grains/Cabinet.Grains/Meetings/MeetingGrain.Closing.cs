using System.Collections.Immutable;
using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Polls;
using Microsoft.Extensions.Logging;

namespace Cabinet.Meetings;

/// <summary>
/// Conclusions, and closing: the close itself is one command; sealing (minutes, signatures, archive) follows on a
/// timer, is retried until it succeeds, and is recorded as <c>meeting.archived</c>. The seal queue remembers a
/// closed-but-unsealed meeting across restarts.
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

    private void ScheduleSealing(TimeSpan due) =>
        _sealing ??= this.RegisterGrainTimer(SealAsync, new GrainTimerCreationOptions(due, TimeSpan.FromSeconds(30)));

    private async Task SealAsync(CancellationToken cancellationToken)
    {
        if (!state.State.SealPending)
        {
            _sealing?.Dispose();
            _sealing = null;
            return;
        }

        try
        {
            var organization = await GrainFactory.GetGrain<IOrganizationGrain>(state.State.OrganizationId).GetProfileAsync();
            var polls = new List<(PollView, Voting.Ballots.BallotChain, System.Collections.Immutable.ImmutableArray<BallotEvidenceRecord>)>();
            foreach (var poll in state.State.Polls.Where(p => p.Result is not null))
            {
                polls.Add((poll, (await Poll(poll.PollId).GetChainAsync()).Value!, (await Poll(poll.PollId).GetBallotEvidenceAsync()).Value));
            }

            var request = new SealRequest(MeetingId, organization?.Name ?? state.State.OrganizationId, state.State, polls);
            var archive = await sealer.SealAsync(request, clock.GetUtcNow());
            var recorded = await ExecuteAsync(SystemActor, c => ClosingDecisions.Archived(state.State, c, archive));
            if (recorded.Ok)
            {
                await GrainFactory.GetGrain<IIntegrationOutboxGrain>(IIntegrationOutboxGrain.Key)
                    .AddAsync(new MeetingArchived(MeetingId, state.State.OrganizationId, state.State.Details.Title, archive));
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

    private ISealQueueGrain SealQueue => GrainFactory.GetGrain<ISealQueueGrain>(ISealQueueGrain.Key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting {MeetingId}: sealing failed; it will be retried")]
    private partial void LogSealingFailed(Exception exception, string meetingId);
}
