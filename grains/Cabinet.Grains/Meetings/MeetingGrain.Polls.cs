using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.Meetings;

/// <summary>
/// Polls: the meeting grain decides and records the lifecycle (open, close, cancel) in its versioned state and
/// ledger; the poll grain holds the ballots. Live participation counts are pushed coalesced, outside the versions.
/// </summary>
public sealed partial class MeetingGrain
{
    private readonly Dictionary<string, PollParticipation> _pendingParticipation = new(StringComparer.Ordinal);
    private IGrainTimer? _participationFlush;

    public async Task<CommandResult> OpenPollAsync(Actor actor, MotionInput motion)
    {
        IPollGrain? opened = null;
        var pollId = "";
        var result = await ExecuteAsync(actor, async c =>
        {
            var book = PollDecisions.Prepare(state.State, c, motion);
            if (!book.Ok)
            {
                return Decision.Refuse(book.Error!);
            }

            var poll = Poll(book.Value!.PollId);
            var open = await poll.OpenAsync(book.Value);
            if (!open.Ok)
            {
                return Decision.Refuse(open.Error!);
            }

            opened = poll;
            pollId = book.Value.PollId;
            return PollDecisions.Opened(state.State, c, book.Value);
        }, afterAccepted: () => PlanVoteReminderAsync(pollId));
        if (!result.Ok && opened is not null)
        {
            // The meeting could not record the poll: make sure no one can vote in a poll nobody can see.
            await opened.CancelAsync("Không ghi được nội dung biểu quyết vào cuộc họp.");
        }

        return result;
    }

    public Task<CommandResult> ClosePollAsync(Actor actor, string pollId) => ExecuteAsync(actor, async c =>
    {
        var poll = PollDecisions.OpenPoll(state.State, c, pollId);
        if (!poll.Ok)
        {
            return Decision.Refuse(poll.Error!);
        }

        var result = await Poll(pollId).CloseAsync();
        ForgetParticipation(result.Ok, pollId);
        return result.Ok ? PollDecisions.Closed(state.State, c, poll.Value!, result.Value!) : Decision.Refuse(result.Error!);
    });

    public Task<CommandResult> CancelPollAsync(Actor actor, string pollId, string reason) => ExecuteAsync(actor, async c =>
    {
        var poll = PollDecisions.OpenPoll(state.State, c, pollId);
        if (!poll.Ok)
        {
            return Decision.Refuse(poll.Error!);
        }

        var cancelled = await Poll(pollId).CancelAsync(reason);
        ForgetParticipation(cancelled.Ok, pollId);
        return cancelled.Ok ? PollDecisions.Cancelled(state.State, c, poll.Value!, reason.Trim()) : Decision.Refuse(cancelled.Error!);
    });

    public async Task<Result<PollParticipation>> GetPollParticipationAsync(Actor actor, string pollId)
    {
        var known = Query(actor, s => s.Polls.FirstOrDefault(p => p.PollId == pollId));
        if (!known.Ok || known.Value is null)
        {
            return Result<PollParticipation>.Refused(known.Error ?? ErrorCodes.PollNotFound);
        }

        var withNames = MeetingAccess.CanPrepare(state.State, actor);
        return Result<PollParticipation>.Of(await Poll(pollId).GetParticipationAsync(withNames));
    }

    public async Task<Result<BallotChain>> GetBallotChainAsync(Actor actor, string pollId) =>
        RefusalForPoll(actor, pollId) is { } refusal ? Result<BallotChain>.Refused(refusal) : await Poll(pollId).GetChainAsync();

    public async Task<Result<BallotChainPage>> GetBallotChainPageAsync(Actor actor, string pollId, int after, int count) =>
        RefusalForPoll(actor, pollId) is { } refusal ? Result<BallotChainPage>.Refused(refusal) : await Poll(pollId).GetChainPageAsync(after, count);

    public async Task<Result<SignedPollResult>> GetPollResultAsync(Actor actor, string pollId) =>
        RefusalForPoll(actor, pollId) is { } refusal ? Result<SignedPollResult>.Refused(refusal) : await Poll(pollId).GetResultAsync();

    public async Task<Result<MyBallot>> GetMyBallotAsync(Actor actor, string pollId) =>
        RefusalForPoll(actor, pollId) is { } refusal ? Result<MyBallot>.Refused(refusal) : Result<MyBallot>.Of(await Poll(pollId).GetBallotOfAsync(actor.UserName));

    /// <summary>Why this person may not ask about that poll (they may not see the meeting, or it has no such poll); null when they may.</summary>
    private CabinetError? RefusalForPoll(Actor actor, string pollId)
    {
        var known = Query(actor, s => s.Polls.Any(p => p.PollId == pollId));
        return known.Ok && known.Value ? null : known.Error ?? ErrorCodes.PollNotFound;
    }

    public Task ReportBallotsStoredAsync(StoredBallots stored)
    {
        _pendingParticipation[stored.Participation.PollId] = stored.Participation;
        _participationFlush ??= this.RegisterGrainTimer(FlushParticipationAsync, new GrainTimerCreationOptions(ParticipationPace.For(_connections.Count), Timeout.InfiniteTimeSpan));
        return _observers.Notify(o => o.OnBallotsStoredAsync(stored));
    }

    /// <summary>
    /// A count still waiting for its push is dropped once the poll is closed or cancelled: the closing event carries
    /// the result, and a big meeting's count push (up to a second later) would only be a fan-out beside it.
    /// </summary>
    private void ForgetParticipation(bool ended, string pollId)
    {
        if (ended)
        {
            _pendingParticipation.Remove(pollId);
        }
    }

    private async Task FlushParticipationAsync(CancellationToken cancellationToken)
    {
        var pending = _pendingParticipation.Values.ToList();
        _pendingParticipation.Clear();
        _participationFlush?.Dispose();
        _participationFlush = null;
        foreach (var participation in pending)
        {
            await _observers.Notify(o => o.OnPollParticipationAsync(participation with { NotYetVoted = null }));
        }
    }

    private IPollGrain Poll(string pollId) => GrainFactory.GetGrain<IPollGrain>($"{MeetingId}/{pollId}");
}
