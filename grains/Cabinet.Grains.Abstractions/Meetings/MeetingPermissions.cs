using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>
/// Who may do what in a meeting: the one rule the meeting grain decides with, the hub, the web endpoints and the
/// host's push path filter with, and the pages ask before offering a control. The page only hides what the grain
/// would refuse anyway.
/// </summary>
public static class MeetingPermissions
{
    /// <summary>
    /// The actor's role in the meeting. A draft is seen only by its chair and secretary and by the organisation's
    /// organisers (who prepare it). Once scheduled it is seen by its participants — people of another organisation
    /// only once they have accepted (before that they see the invitation, <see cref="MaySeeInvitation"/>) — and by
    /// the organisation's administrators as observers. Nobody else, not even other members of the organisation.
    /// </summary>
    public static MeetingRole RoleOf(ImmutableArray<Participant> participants, string meetingOrganizationId, MeetingStatus status, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var participant = ParticipantOf(participants, actor.UserName);
        return RoleOf(participant?.Role ?? MeetingRole.None, participant is not null && TakesPart(participant, meetingOrganizationId), meetingOrganizationId, status, actor);
    }

    /// <summary>The same rule when the invited role is already known (from a person's meeting index).</summary>
    public static MeetingRole RoleOf(MeetingRole invitedRole, bool takesPart, string meetingOrganizationId, MeetingStatus status, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (status == MeetingStatus.Draft)
        {
            return invitedRole is MeetingRole.Chair or MeetingRole.Secretary ? invitedRole
                : OrganizationPermissions.MayOrganize(actor, meetingOrganizationId) ? MeetingRole.Organizer
                : MeetingRole.None;
        }

        return invitedRole != MeetingRole.None && takesPart ? invitedRole
            : OrganizationPermissions.Administers(actor, meetingOrganizationId) ? MeetingRole.Observer
            : MeetingRole.None;
    }

    /// <summary>
    /// Whether an invited person takes part: people of the meeting's organisation (and deputies, named by a member)
    /// at once, people of another organisation once they accept.
    /// </summary>
    public static bool TakesPart(Participant participant, string meetingOrganizationId)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.OrganizationId == meetingOrganizationId || participant.DeputyFor is not null || participant.AnswerKind == AnswerKind.Attending;
    }

    /// <summary>Every participant sees their own invitation (title, time, place, organiser) once the meeting is scheduled; chair and secretary also in draft.</summary>
    public static bool MaySeeInvitation(ImmutableArray<Participant> participants, MeetingStatus status, string userName) =>
        ParticipantOf(participants, userName) is { } p && (status != MeetingStatus.Draft || p.Role is MeetingRole.Chair or MeetingRole.Secretary);

    public static Participant? ParticipantOf(ImmutableArray<Participant> participants, string userName) =>
        participants.IsDefault ? null : participants.FirstOrDefault(p => p.UserName == userName);

    public static bool CanView(MeetingRole role) => role != MeetingRole.None;

    /// <summary>Chair and secretary prepare the meeting (details, participants, agenda, documents, conclusions); organisers prepare drafts.</summary>
    public static bool CanPrepare(MeetingRole role) => role is MeetingRole.Chair or MeetingRole.Secretary or MeetingRole.Organizer;

    /// <summary>Those who prepare or run the meeting take its record out (attendance, named votes, speeches, conclusions, the whole meeting).</summary>
    public static bool MayExport(MeetingRole role) => CanPrepare(role);

    /// <summary>Only the chair runs the meeting: opens it, moves the agenda, opens votes, closes it.</summary>
    public static bool CanRun(MeetingRole role) => role == MeetingRole.Chair;

    /// <summary>Who may stand in the floor queue: the chair, the secretary, delegates and guests — never an observer.</summary>
    public static bool MaySpeak(MeetingRole role) => role is MeetingRole.Chair or MeetingRole.Secretary or MeetingRole.Delegate or MeetingRole.Guest;

    /// <summary>The participants (chair, secretary, delegates, guests) comment on the draft minutes; observers and organisers only read them.</summary>
    public static bool MayCommentOnMinutes(MeetingRole role) => role is MeetingRole.Chair or MeetingRole.Secretary or MeetingRole.Delegate or MeetingRole.Guest;

    /// <summary>The first signatory (the secretary, or the chair when there is none) redrafts the minutes during the review.</summary>
    public static bool MayRedraftMinutes(Closing.MinutesView minutes, string userName)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return minutes.Signatories.Length > 0 && minutes.Signatories[0].UserName == userName;
    }

    /// <summary>Whether it is this person's turn to sign the minutes: the secretary, then the chair, each once, after the review.</summary>
    public static bool IsMinutesTurn(Closing.MinutesView minutes, string userName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return minutes.StepAt(now) == Closing.MinutesStep.Signing && minutes.NextSignatory?.UserName == userName;
    }

    /// <summary>
    /// The clerk (văn thư) applies the organisation's seal signature once the people named have signed: an organiser of
    /// the meeting's organisation (the office that keeps its records) — a person, never an integration client — or the
    /// meeting's secretary. The seal key is the organisation's, held by the server; this rule only says who may ask for it.
    /// </summary>
    public static bool MaySealMinutes(MeetingRole role, Actor actor, string meetingOrganizationId) =>
        role == MeetingRole.Secretary || (OrganizationPermissions.MayOrganize(actor, meetingOrganizationId) && !actor.IsIntegrationClient);

    /// <summary>
    /// Everyone who may see the meeting reads its (unclassified) documents: participants, granted observers and
    /// administrators; a classified document is read on paper only, by nobody here.
    /// </summary>
    public static bool CanReadDocuments(MeetingRole role) => role != MeetingRole.None;

    /// <summary>
    /// The chair and the secretary see who opened, downloaded or printed which document (the access log) and resolve
    /// a copy's id to the person who took it; nobody else, not even the organisation's administrators.
    /// </summary>
    public static bool MayReviewAccess(MeetingRole role) => role is MeetingRole.Chair or MeetingRole.Secretary;

    /// <summary>Who may take a copy (a file or a print) of a readable document: anyone when it allows downloads, else the chair and the secretary.</summary>
    public static bool MayTakeCopy(MeetingRole role, DocumentView document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return CanRead(role, document) && (document.DownloadAllowed || role is MeetingRole.Chair or MeetingRole.Secretary);
    }

    public static bool CanRead(MeetingRole role, DocumentView document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return CanReadDocuments(role) && !document.Classified;
    }

    /// <summary>The participants who may read <paramref name="document"/> now: the only recipients of pushes carrying its content.</summary>
    public static ImmutableHashSet<string> ReadersOf(ImmutableArray<Participant> participants, string meetingOrganizationId, MeetingStatus status, DocumentView? document) =>
        document is null || participants.IsDefault ? []
            : participants.Where(p => CanRead(InvitedRoleNow(p, meetingOrganizationId, status), document))
                .Select(p => p.UserName).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The role a participant has through their invitation alone (organisation roles aside).</summary>
    private static MeetingRole InvitedRoleNow(Participant p, string meetingOrganizationId, MeetingStatus status) =>
        RoleOf(p.Role, TakesPart(p, meetingOrganizationId), meetingOrganizationId, status, new Actor(p.UserName, p.DisplayName, "", false));
}
