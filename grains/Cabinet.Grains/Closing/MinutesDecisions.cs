using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Meetings;

namespace Cabinet.Closing;

/// <summary>
/// The minutes after the close: drafted (by Cabinet, then again by the secretary during the review), commented on by
/// the participants while the review lasts, signed by the secretary then the chair, then sealed with the
/// organisation's signature. Each step is a ledger entry and a <c>minutes.*</c> event.
/// </summary>
internal static class MinutesDecisions
{
    /// <summary>The capacities printed under the signatures (and the minutes' signature block places named the same).</summary>
    public const string SecretaryTitle = "THƯ KÝ", ChairTitle = "CHỦ TỌA";

    public static Decision Drafted(MeetingState s, MeetingCommand c, string sha256)
    {
        if (s.Status != MeetingStatus.Closed || s.Minutes is not null)
        {
            return Decision.Unchanged;
        }

        var minutes = new MinutesView(1, sha256, c.At, c.At.AddHours(s.EffectiveRules.ReviewHours), [], Signatories(s), []);
        return Accept(s with { Minutes = minutes }, c, MeetingEventKinds.MinutesDrafted, minutes, new { minutes.Revision, minutes.Sha256, minutes.ReviewEndsAt });
    }

    public static Decision Redrafted(MeetingState s, MeetingCommand c, string sha256)
    {
        if (CheckReview(s, c) is { } refusal)
        {
            return refusal;
        }

        var m = s.Minutes!;
        if (!MeetingPermissions.MayRedraftMinutes(m, c.Actor.UserName))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        if (m.Revision >= MinutesView.MaxRevisions)
        {
            return Decision.Refuse(ErrorCodes.MinutesRevisionsFull);
        }

        var minutes = m with { Revision = m.Revision + 1, Sha256 = sha256, DraftedAt = c.At };
        return Accept(s with { Minutes = minutes }, c, MeetingEventKinds.MinutesDrafted, minutes, new { minutes.Revision, minutes.Sha256, minutes.ReviewEndsAt });
    }

    public static Decision Comment(MeetingState s, MeetingCommand c, string? text)
    {
        if (CheckReview(s, c) is { } refusal)
        {
            return refusal;
        }

        if (!MeetingPermissions.MayCommentOnMinutes(MeetingAccess.RoleOf(s, c.Actor)))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MinutesView.MaxCommentChars)
        {
            return Decision.Refuse(ErrorCodes.MinutesCommentInvalid);
        }

        var m = s.Minutes!;
        if (m.Comments.Length >= MinutesView.MaxComments)
        {
            return Decision.Refuse(ErrorCodes.MinutesCommentsFull);
        }

        var comment = new MinutesComment(m.Comments.Length + 1, c.Actor.UserName, c.Actor.DisplayName, m.Revision, trimmed, c.At);
        var minutes = m with { Comments = m.Comments.Add(comment) };
        return Accept(s with { Minutes = minutes }, c, MeetingEventKinds.MinutesCommented, minutes, new { comment.Number, comment.Revision, comment.Text });
    }

    /// <summary>Whether the actor may begin their signature now; null when they may.</summary>
    public static CabinetError? CheckTurn(MeetingState s, People.Actor actor, DateTimeOffset now) =>
        s.Minutes is not { } m ? ErrorCodes.MinutesNotReady
        : m.StepAt(now) == MinutesStep.Review ? ErrorCodes.MinutesReviewOpen
        : MeetingPermissions.IsMinutesTurn(m, actor.UserName, now) ? null
        : ErrorCodes.MinutesNotYourTurn;

    public static Decision Signed(MeetingState s, MeetingCommand c, SignedRecord signed)
    {
        if (CheckTurn(s, c.Actor, c.At) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var minutes = s.Minutes!.SignedBy(signed.Signature, signed.Sha256);
        return Accept(s with { Minutes = minutes, PendingSignature = null }, c, MeetingEventKinds.MinutesSigned, minutes,
            new { signed.Signature.Title, signed.Signature.DeviceId, signed.Signature.CertificateSha256, signed.Sha256 });
    }

    /// <summary>Whether the actor may apply the organisation's seal now; null when they may.</summary>
    public static CabinetError? CheckSeal(MeetingState s, People.Actor actor, DateTimeOffset now) =>
        s.Minutes is not { } m ? ErrorCodes.MinutesNotReady
        : !MeetingPermissions.MaySealMinutes(MeetingAccess.RoleOf(s, actor), actor, s.OrganizationId) ? ErrorCodes.Forbidden
        : m.StepAt(now) switch
        {
            MinutesStep.Review => ErrorCodes.MinutesReviewOpen,
            MinutesStep.Signing => ErrorCodes.MinutesNotYourTurn,
            MinutesStep.Seal => null,
            _ => ErrorCodes.MinutesSealed,
        };

    public static Decision Sealed(MeetingState s, MeetingCommand c, string sha256)
    {
        if (CheckSeal(s, c.Actor, c.At) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var minutes = s.Minutes! with { Sha256 = sha256, SealedAt = c.At };
        return Accept(s with { Minutes = minutes }, c, MeetingEventKinds.MinutesSealed, minutes, new { Sha256 = sha256 });
    }

    private static Decision? CheckReview(MeetingState s, MeetingCommand c) =>
        s.Minutes is not { } m ? Decision.Refuse(ErrorCodes.MinutesNotReady)
        : m.StepAt(c.At) != MinutesStep.Review ? Decision.Refuse(ErrorCodes.MinutesReviewClosed)
        : null;

    /// <summary>The secretary then the chair; the chair alone when the meeting has no secretary.</summary>
    private static ImmutableArray<MinutesSignatory> Signatories(MeetingState s)
    {
        var chair = s.Participants.First(p => p.Role == MeetingRole.Chair);
        var secretary = s.Participants.FirstOrDefault(p => p.Role == MeetingRole.Secretary);
        var chairSigns = new MinutesSignatory(chair.UserName, chair.DisplayName, ChairTitle, "ChuToa");
        return secretary is null ? [chairSigns] : [new MinutesSignatory(secretary.UserName, secretary.DisplayName, SecretaryTitle, "ThuKy"), chairSigns];
    }

    private static Decision Accept(MeetingState next, MeetingCommand c, string kind, MinutesView minutes, object detail) =>
        Decision.Accept(next, c.EventOn(next, kind) with { Minutes = minutes }, detail);
}
