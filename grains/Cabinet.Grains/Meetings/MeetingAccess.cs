namespace Cabinet.Meetings;

/// <summary>The grain's questions about its own state, answered by the shared rule in <see cref="MeetingPermissions"/>.</summary>
internal static class MeetingAccess
{
    public static MeetingRole RoleOf(MeetingState state, People.Actor actor) =>
        MeetingPermissions.RoleOf(state.Participants, state.OrganizationId, state.Status, actor);

    public static bool CanView(MeetingState state, People.Actor actor) => MeetingPermissions.CanView(RoleOf(state, actor));

    public static bool CanPrepare(MeetingState state, People.Actor actor) => MeetingPermissions.CanPrepare(RoleOf(state, actor));

    public static bool CanRun(MeetingState state, People.Actor actor) => MeetingPermissions.CanRun(RoleOf(state, actor));
}
