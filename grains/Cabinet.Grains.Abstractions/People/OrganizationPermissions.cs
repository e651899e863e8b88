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
}
