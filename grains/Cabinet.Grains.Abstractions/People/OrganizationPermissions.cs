namespace Cabinet.People;

/// <summary>What a person may do in an organisation as such (not in one meeting): the sibling of <see cref="Meetings.MeetingPermissions"/>.</summary>
public static class OrganizationPermissions
{
    /// <summary>Organisers and administrators of <paramref name="organizationId"/> create and prepare its meetings.</summary>
    public static bool MayOrganize(Actor actor, string organizationId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.OrganizationId == organizationId && (actor.IsOrganizer || actor.IsAdministrator);
    }

    /// <summary>Administrators follow every scheduled meeting of their organisation as observers.</summary>
    public static bool Administers(Actor actor, string organizationId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.OrganizationId == organizationId && actor.IsAdministrator;
    }

    /// <summary>
    /// Whether the actor administers the organisation whose <paramref name="lineage"/> (its id, then its parent's, up to
    /// the root) is given: an administrator administers their own organisation and every one below it (a province
    /// office its communes), never one above or beside. Every account and organisation action of /admin and /api/admin
    /// asks this. (Meetings ask <see cref="Administers"/>: a province administrator does not observe a commune's meetings.)
    /// </summary>
    public static bool AdministersOrganization(Actor actor, IReadOnlyList<string> lineage)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(lineage);
        return actor.IsAdministrator && lineage.Contains(actor.OrganizationId);
    }
}
