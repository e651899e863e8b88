using Cabinet.Documents;
using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// "Follow me" in a live meeting: the chair or the current item's presenter (a participant whose user name or
/// display name is the item's presenter) leads everyone to a page of a document; only the leader turns pages;
/// the leader or the chair stops.
/// </summary>
internal static class FollowDecisions
{
    public static Decision Start(MeetingState s, MeetingCommand c, string? documentId, int version, int page)
    {
        if ((Live(s) ?? (MayLead(s, c.Actor) ? null : ErrorCodes.Forbidden)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (s.Documents.FirstOrDefault(d => d.DocumentId == documentId) is not { } document)
        {
            return Decision.Refuse(ErrorCodes.DocumentNotFound);
        }

        if (document.Classified)
        {
            return Decision.Refuse(ErrorCodes.DocumentClassified);
        }

        if (version < 1 || version > document.Versions.Length)
        {
            return Decision.Refuse(ErrorCodes.DocumentVersionNotFound);
        }

        if (page < 1 || page > document.Versions[version - 1].Pages)
        {
            return Decision.Refuse(ErrorCodes.PageOutOfRange);
        }

        var follow = new FollowState(c.Actor.UserName, document.DocumentId, version, page);
        return follow == s.Follow ? Decision.Unchanged : Accept(s, c, MeetingEventKinds.FollowStarted, follow);
    }

    public static Decision Page(MeetingState s, MeetingCommand c, int page)
    {
        if ((Live(s) ?? (s.Follow.Active ? null : ErrorCodes.FollowNotActive) ?? (s.Follow.Leader == c.Actor.UserName ? null : ErrorCodes.FollowNotLeader)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var document = s.Documents.First(d => d.DocumentId == s.Follow.DocumentId);
        if (page < 1 || page > document.Versions[s.Follow.Version - 1].Pages)
        {
            return Decision.Refuse(ErrorCodes.PageOutOfRange);
        }

        return page == s.Follow.Page ? Decision.Unchanged : Accept(s, c, MeetingEventKinds.FollowPage, s.Follow with { Page = page });
    }

    public static Decision Stop(MeetingState s, MeetingCommand c)
    {
        if (Live(s) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        if (!s.Follow.Active)
        {
            return Decision.Unchanged;
        }

        return s.Follow.Leader == c.Actor.UserName || MeetingAccess.CanRun(s, c.Actor)
            ? Accept(s, c, MeetingEventKinds.FollowStopped, FollowState.Off)
            : Decision.Refuse(ErrorCodes.FollowNotLeader);
    }

    private static bool MayLead(MeetingState s, People.Actor actor) =>
        FollowRules.MayLead(s.Participants, s.Agenda, s.Current, actor.UserName);

    private static CabinetError? Live(MeetingState s) => s.Status switch
    {
        MeetingStatus.Live => null,
        MeetingStatus.Closed => ErrorCodes.MeetingClosed,
        _ => ErrorCodes.NotLive,
    };

    private static Decision Accept(MeetingState s, MeetingCommand c, string kind, FollowState follow) =>
        Decision.Accept(s with { Follow = follow }, c.EventOn(s, kind) with { Follow = follow },
            new { follow.Leader, follow.DocumentId, follow.Version, follow.Page });
}
