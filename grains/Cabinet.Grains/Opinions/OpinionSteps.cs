using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Opinions;

/// <summary>
/// The workflow's steps as pure decisions: Draft → Submitted → (returned: Draft again | approved: Sent) → Closed. Each
/// checks who asks and where the ballot stands, and refuses anything else with nothing changed.
/// </summary>
internal static class OpinionSteps
{
    /// <summary>A new ballot, or a draft rewritten (members and chair already looked up as people of the organisation).</summary>
    public static OpinionStep Write(
        OpinionBallotState s, string organizationId, Actor actor, OpinionDraft draft, ImmutableArray<OpinionMember> members, OpinionMember chair)
    {
        var creating = !s.Exists;
        if (!OpinionPermissions.MayDraft(actor, organizationId))
        {
            return OpinionStep.Refuse(ErrorCodes.NotOpinionOffice);
        }

        if (!creating && s.Status != OpinionStatus.Draft)
        {
            return OpinionStep.Refuse(ErrorCodes.OpinionIllegalStep);
        }

        var next = s with
        {
            Exists = true,
            OrganizationId = organizationId,
            Drafter = creating ? actor.UserName : s.Drafter,
            Title = draft.Title.Trim(),
            Questions = OpinionDraftRules.Number(draft.Questions),
            Members = members,
            Chair = chair,
            Deadline = draft.Deadline,
            Rule = draft.Rule,
            AnswersMayChange = draft.AnswersMayChange,
        };
        return OpinionStep.Accept(next, creating ? OpinionEventKinds.Drafted : OpinionEventKinds.Edited,
            new { next.Title, Questions = next.Questions.Length, Members = members.Length, Chair = chair.UserName, next.Deadline, Rule = next.Rule.ToString(), next.AnswersMayChange });
    }

    public static OpinionStep AttachDocument(OpinionBallotState s, Actor actor, OpinionDocument document, OpinionLimits limits)
    {
        if (Office(s, actor, OpinionStatus.Draft) is { } refused)
        {
            return refused;
        }

        var versions = s.Documents.Count(d => d.Name == document.Name);
        if (s.Documents.Length >= limits.MaxDocuments * 5 || (versions == 0 && s.Documents.Select(d => d.Name).Distinct().Count() >= limits.MaxDocuments))
        {
            return OpinionStep.Refuse(ErrorCodes.DocumentLimit);
        }

        var attached = document with { Version = versions + 1 };
        return OpinionStep.Accept(s with { Documents = s.Documents.Add(attached) }, OpinionEventKinds.DocumentAttached,
            new { attached.Name, attached.Version, attached.Sha256, attached.Bytes });
    }

    public static OpinionStep Submit(OpinionBallotState s, Actor actor, OpinionLimits limits, DateTimeOffset now)
    {
        if (Office(s, actor, OpinionStatus.Draft) is { } refused)
        {
            return refused;
        }

        if (s.Round >= limits.MaxRounds)
        {
            return OpinionStep.Refuse(ErrorCodes.Invalid($"Phiếu đã được trình quá {limits.MaxRounds} lần."));
        }

        if (s.Deadline <= now)
        {
            return OpinionStep.Refuse(ErrorCodes.Invalid("Hạn trả lời đã qua; hãy sửa hạn trước khi trình."));
        }

        return OpinionStep.Accept(s with { Status = OpinionStatus.Submitted, Round = s.Round + 1, ReturnComment = null },
            OpinionEventKinds.Submitted, new { Round = s.Round + 1 });
    }

    public static OpinionStep Return(OpinionBallotState s, string ballotId, Actor actor, string comment, OpinionLimits limits)
    {
        if (Chair(s, ballotId, actor) is { } refused)
        {
            return refused;
        }

        comment = comment?.Trim() ?? "";
        if (comment.Length is 0 || comment.Length > limits.MaxTextChars)
        {
            return OpinionStep.Refuse(ErrorCodes.Invalid($"Ý kiến khi trả lại không được để trống và không quá {limits.MaxTextChars} ký tự."));
        }

        return OpinionStep.Accept(s with { Status = OpinionStatus.Draft, ReturnComment = comment },
            OpinionEventKinds.Returned, new { s.Round, Comment = comment });
    }

    /// <summary>Approval sends the ballot: the members asked may answer from now until the deadline.</summary>
    public static OpinionStep Approve(OpinionBallotState s, string ballotId, Actor actor, DateTimeOffset now)
    {
        if (Chair(s, ballotId, actor) is { } refused)
        {
            return refused;
        }

        return s.Deadline <= now
            ? OpinionStep.Refuse(ErrorCodes.OpinionDeadlinePassed)
            : OpinionStep.Accept(s with { Status = OpinionStatus.Sent, SentAt = now }, OpinionEventKinds.Approved, new { s.Round, Members = s.Members.Length, s.Deadline });
    }

    /// <summary>The office closes once the deadline passed, or earlier when every member asked has answered.</summary>
    public static OpinionStep Close(OpinionBallotState s, Actor actor, DateTimeOffset now)
    {
        if (Office(s, actor, OpinionStatus.Sent) is { } refused)
        {
            return refused;
        }

        return now < s.Deadline && s.Answers.Length < s.Members.Length
            ? OpinionStep.Refuse(ErrorCodes.OpinionNotClosable)
            : OpinionStep.Accept(s with { Status = OpinionStatus.Closed, ClosedAt = now }, OpinionEventKinds.Closed,
                new { Answered = s.Answers.Length, Asked = s.Members.Length, EarlierThanDeadline = now < s.Deadline });
    }

    private static OpinionStep? Office(OpinionBallotState s, Actor actor, OpinionStatus needed) =>
        !s.Exists ? OpinionStep.Refuse(ErrorCodes.OpinionNotFound)
        : !OpinionPermissions.IsOffice(actor, s.OrganizationId) ? OpinionStep.Refuse(ErrorCodes.NotOpinionOffice)
        : s.Status != needed ? OpinionStep.Refuse(ErrorCodes.OpinionIllegalStep)
        : null;

    private static OpinionStep? Chair(OpinionBallotState s, string ballotId, Actor actor) =>
        !s.Exists ? OpinionStep.Refuse(ErrorCodes.OpinionNotFound)
        : !OpinionPermissions.MayReview(actor, s.ToView(ballotId)) ? OpinionStep.Refuse(ErrorCodes.NotOpinionChair)
        : s.Status != OpinionStatus.Submitted ? OpinionStep.Refuse(ErrorCodes.OpinionIllegalStep)
        : null;
}
