namespace Cabinet.Meetings;

/// <summary>Who may do what in a meeting. The grain asks these before every command and query.</summary>
internal static class MeetingAccess
{
    /// <summary>
    /// The actor's role: their participant role, or observer for other members of the meeting's organisation
    /// (they may follow their own organisation's meetings), or none.
    /// </summary>
    public static MeetingRole RoleOf(MeetingState state, People.Actor actor)
    {
        var role = state.RoleOf(actor.UserName);
        if (role == MeetingRole.None && actor.OrganizationId == state.OrganizationId)
        {
            return MeetingRole.Observer;
        }

        return role;
    }

    public static bool CanView(MeetingState state, People.Actor actor) => RoleOf(state, actor) != MeetingRole.None;

    /// <summary>Chair and secretary prepare the meeting: details, participants, agenda, scheduling.</summary>
    public static bool CanPrepare(MeetingState state, People.Actor actor) =>
        RoleOf(state, actor) is MeetingRole.Chair or MeetingRole.Secretary;

    /// <summary>Only the chair runs the meeting: opens it, moves the agenda, closes it.</summary>
    public static bool CanRun(MeetingState state, People.Actor actor) => RoleOf(state, actor) == MeetingRole.Chair;
}
