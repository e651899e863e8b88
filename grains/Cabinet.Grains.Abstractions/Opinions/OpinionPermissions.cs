using Cabinet.People;

namespace Cabinet.Opinions;

/// <summary>
/// Who may do what with an opinion ballot: the one rule its grain decides with and the hub and pages ask. The office
/// (the organisation's organisers: secretary, văn phòng) drafts, edits, submits, follows the answers and closes; the
/// chair named in the ballot approves or returns it; the members asked answer it once it is sent.
/// </summary>
public static class OpinionPermissions
{
    /// <summary>The organisation's organisers (and administrators) draft ballots.</summary>
    public static bool MayDraft(Actor actor, string organizationId) => OrganizationPermissions.MayOrganize(actor, organizationId);

    /// <summary>The office works on the ballot at every step; editing itself only while it is a draft (the grain checks the state).</summary>
    public static bool IsOffice(Actor actor, string organizationId) => OrganizationPermissions.MayOrganize(actor, organizationId);

    public static bool IsChair(Actor actor, OpinionBallotView ballot)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(ballot);
        return actor.OrganizationId == ballot.OrganizationId && actor.UserName == ballot.Chair.UserName;
    }

    public static bool IsAsked(Actor actor, OpinionBallotView ballot)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(ballot);
        return actor.OrganizationId == ballot.OrganizationId && ballot.Members.Any(m => m.UserName == actor.UserName);
    }

    /// <summary>The chair approves or returns a submitted ballot.</summary>
    public static bool MayReview(Actor actor, OpinionBallotView ballot) => IsChair(actor, ballot);

    /// <summary>The members asked see the ballot once it is sent; the office and the chair always.</summary>
    public static bool MayView(Actor actor, OpinionBallotView ballot) =>
        IsOffice(actor, ballot.OrganizationId) || IsChair(actor, ballot)
        || (ballot.Status >= OpinionStatus.Sent && IsAsked(actor, ballot));

    /// <summary>Who answered what, and the written opinions: the office and the chair while it runs; the members asked too once closed.</summary>
    public static bool MayFollowAnswers(Actor actor, OpinionBallotView ballot) =>
        IsOffice(actor, ballot.OrganizationId) || IsChair(actor, ballot)
        || (ballot.Status == OpinionStatus.Closed && IsAsked(actor, ballot));

    /// <summary>The office closes a sent ballot (the grain checks the deadline or that everyone answered).</summary>
    public static bool MayClose(Actor actor, OpinionBallotView ballot) => IsOffice(actor, ballot.OrganizationId);
}
