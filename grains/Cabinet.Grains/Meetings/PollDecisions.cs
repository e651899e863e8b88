using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Polls;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;

namespace Cabinet.Meetings;

/// <summary>
/// Polls in the meeting: only the chair opens, closes or cancels them, only while the meeting is live, one at a
/// time. The voters are the members' seats (<see cref="Seats"/>): the chair and the delegates, or a delegate's deputy
/// when the rules let deputies vote. Quorum and majority default to the meeting's rules.
/// </summary>
internal static class PollDecisions
{
    /// <summary>Polls one meeting may hold, cancelled ones included: every one stays in the meeting's state and snapshot.</summary>
    public const int MaxPolls = 200;

    /// <summary>Checks the request and builds the poll's book: motion, and eligibility frozen from who is present now.</summary>
    public static Result<PollBook> Prepare(MeetingState s, MeetingCommand c, MotionInput? input)
    {
        if (CheckRunning(s, c) is { } refusal)
        {
            return Result<PollBook>.Refused(refusal);
        }

        if (input is null || s.Agenda.All(i => i.Id != input.AgendaItemId))
        {
            return Result<PollBook>.Refused(input is null ? ErrorCodes.Invalid("Thiếu nội dung biểu quyết.") : ErrorCodes.AgendaItemNotFound);
        }

        if (s.Polls.Any(p => p.Status == PollStatus.Open))
        {
            return Result<PollBook>.Refused(ErrorCodes.PollOpen);
        }

        if (s.Polls.Length >= MaxPolls)
        {
            return Result<PollBook>.Refused(ErrorCodes.PollsFull);
        }

        var pollId = $"p{s.NextPollNumber}";
        var motion = ToMotion(pollId, input, s.EffectiveRules);
        if (motion.Validate() is [var invalid, ..])
        {
            return Result<PollBook>.Refused(ErrorCodes.From(invalid));
        }

        var members = Seats.Holders(s.Participants, s.EffectiveRules);
        var present = s.Attendance.Where(a => a.Connected).Select(a => a.UserName);
        var chair = s.Participants.First(p => p.Role == MeetingRole.Chair).UserName;
        var eligibility = Eligibility.Build(members, present, chair, input.Eligibility);
        if (eligibility.Error is { } noVoters)
        {
            return Result<PollBook>.Refused(ErrorCodes.From(noVoters));
        }

        // The warning: a poll that would fail for want of quorum opens only when the chair confirms it.
        if (!motion.Quorum.IsMet(eligibility.Value!) && !input.ConfirmWithoutQuorum)
        {
            return Result<PollBook>.Refused(ErrorCodes.PollNoQuorum);
        }

        var book = PollBook.Open(c.MeetingId, pollId, motion, eligibility.Value!, c.At);
        return book.Error is { } error ? Result<PollBook>.Refused(ErrorCodes.From(error)) : Result<PollBook>.Of(book.Value!);
    }

    public static Decision Opened(MeetingState s, MeetingCommand c, PollBook book)
    {
        var view = new PollView(book.PollId, book.Motion, PollStatus.Open, book.OpenedAt, null, null,
            book.Eligibility.Voters.Select(v => v.UserName).ToImmutableArray(), book.Eligibility.MemberCount, book.Eligibility.PresentCount, null, book.Eligibility.Voters.Length);
        return Decision.Accept(
            s with { Polls = s.Polls.Add(view), NextPollNumber = s.NextPollNumber + 1 },
            c.EventOn(s, MeetingEventKinds.PollOpened) with { PollUpdate = view },
            new { book.PollId, book.Motion.AgendaItemId, book.Motion.Title, book.Motion.Secrecy, Eligible = view.Eligible });
    }

    /// <summary>The open poll with that id, or why the chair may not close or cancel it.</summary>
    public static Result<PollView> OpenPoll(MeetingState s, MeetingCommand c, string? pollId)
    {
        if (CheckRunning(s, c) is { } refusal)
        {
            return Result<PollView>.Refused(refusal);
        }

        var poll = s.Polls.FirstOrDefault(p => p.PollId == pollId);
        return poll is null ? Result<PollView>.Refused(ErrorCodes.PollNotFound)
            : poll.Status != PollStatus.Open ? Result<PollView>.Refused(ErrorCodes.PollNotOpen)
            : Result<PollView>.Of(poll);
    }

    public static Decision Closed(MeetingState s, MeetingCommand c, PollView poll, SignedPollResult result)
    {
        var view = poll.Ended(PollStatus.Closed, c.At) with { Result = result.Summary() };
        return Decision.Accept(
            s with { Polls = s.Polls.Replace(poll, view) },
            c.EventOn(s, MeetingEventKinds.PollClosed) with { PollUpdate = view },
            new { poll.PollId, result.Outcome.Passed, result.Outcome.Winner, result.BallotCount, result.ChainHead });
    }

    public static Decision Cancelled(MeetingState s, MeetingCommand c, PollView poll, string reason)
    {
        var view = poll.Ended(PollStatus.Cancelled, c.At) with { CancelReason = reason };
        return Decision.Accept(
            s with { Polls = s.Polls.Replace(poll, view) },
            c.EventOn(s, MeetingEventKinds.PollCancelled) with { PollUpdate = view },
            new { poll.PollId, Reason = reason });
    }

    private static CabinetError? CheckRunning(MeetingState s, MeetingCommand c) =>
        !MeetingAccess.CanRun(s, c.Actor) ? ErrorCodes.Forbidden
        : s.Status == MeetingStatus.Closed ? ErrorCodes.MeetingClosed
        : s.Status != MeetingStatus.Live ? ErrorCodes.NotLive
        : null;

    private static Motion ToMotion(string pollId, MotionInput input, MeetingRules rules)
    {
        var quorum = input.Quorum ?? rules.Quorum;
        var majority = input.Majority ?? rules.Majority;
        var title = input.Title?.Trim() ?? "";
        if (input.Kind == MotionKind.YesNoAbstain)
        {
            return Motion.YesNo(pollId, input.AgendaItemId, title, input.Secrecy, quorum, majority);
        }

        var options = (input.Options is { IsDefault: false } given ? given : [])
            .Select((label, i) => new MotionOption($"o{i + 1}", label?.Trim() ?? "")).ToImmutableArray();
        return input.Kind == MotionKind.SingleChoice
            ? Motion.SingleChoice(pollId, input.AgendaItemId, title, options, input.Secrecy, quorum, majority)
            : Motion.MultipleChoice(pollId, input.AgendaItemId, title, options, input.MinChoices, input.MaxChoices, input.Secrecy, quorum, majority);
    }
}
