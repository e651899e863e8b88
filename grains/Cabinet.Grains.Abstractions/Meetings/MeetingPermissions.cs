using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>
/// Who may do what in a meeting: the one rule the meeting grain decides with, the hub and the host's push path filter
/// with, and the pages ask before offering a control. The page only hides what the grain would refuse anyway.
/// </summary>
public static class MeetingPermissions
{
    /// <summary>
    /// The actor's role: their participant role, or observer for other members of the meeting's organisation (they may
    /// follow their own organisation's meetings), or none.
    /// </summary>
    public static MeetingRole RoleOf(ImmutableArray<Participant> participants, string meetingOrganizationId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RoleOf(InvitedRoleOf(participants, actor.UserName), meetingOrganizationId, actor);
    }

    /// <summary>The same rule, when the invited role is already known (from a person's meeting index).</summary>
    public static MeetingRole RoleOf(MeetingRole invitedRole, string meetingOrganizationId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return invitedRole == MeetingRole.None && actor.OrganizationId == meetingOrganizationId ? MeetingRole.Observer : invitedRole;
    }

    /// <summary>The role the person was invited with, or none for everyone who was not invited.</summary>
    public static MeetingRole InvitedRoleOf(ImmutableArray<Participant> participants, string userName) =>
        participants.IsDefault ? MeetingRole.None : participants.FirstOrDefault(p => p.UserName == userName)?.Role ?? MeetingRole.None;

    public static bool CanView(MeetingRole role) => role != MeetingRole.None;

    /// <summary>Chair and secretary prepare the meeting: details, participants, agenda, documents, conclusions.</summary>
    public static bool CanPrepare(MeetingRole role) => role is MeetingRole.Chair or MeetingRole.Secretary;

    /// <summary>Only the chair runs the meeting: opens it, moves the agenda, opens votes, closes it.</summary>
    public static bool CanRun(MeetingRole role) => role == MeetingRole.Chair;

    /// <summary>Who may stand in the floor queue: the chair, the secretary and delegates — never an observer.</summary>
    public static bool MaySpeak(MeetingRole role) => role is MeetingRole.Chair or MeetingRole.Secretary or MeetingRole.Delegate;

    /// <summary>
    /// Documents are for the people invited to the meeting (whatever their role), never for organisation members who
    /// only follow it; a classified document is read on paper only, by nobody here.
    /// </summary>
    public static bool CanReadDocuments(MeetingRole invitedRole) => invitedRole != MeetingRole.None;

    public static bool CanRead(MeetingRole invitedRole, DocumentView document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return CanReadDocuments(invitedRole) && !document.Classified;
    }

    /// <summary>The invited people who may read <paramref name="document"/>: the only recipients of pushes carrying its content.</summary>
    public static ImmutableHashSet<string> ReadersOf(ImmutableArray<Participant> participants, DocumentView? document) =>
        document is null || participants.IsDefault ? []
            : participants.Where(p => CanRead(p.Role, document)).Select(p => p.UserName).ToImmutableHashSet(StringComparer.Ordinal);
}
