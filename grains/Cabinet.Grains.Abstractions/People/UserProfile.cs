namespace Cabinet.People;

/// <param name="IsOrganizer">May create and prepare the organisation's meetings; an administrator is one whatever this says.</param>
[GenerateSerializer, Immutable, Alias("cabinet.user-profile")]
public sealed record UserProfile(string UserName, string DisplayName, string OrganizationId, string Position, bool IsAdministrator, bool IsOrganizer = false)
{
    public OrganizationRole Role => IsAdministrator ? OrganizationRole.Administrator : IsOrganizer ? OrganizationRole.Organizer : OrganizationRole.Member;

    public Actor ToActor() => new(UserName, DisplayName, OrganizationId, IsAdministrator, IsOrganizer);

    /// <summary>This profile with <paramref name="role"/> as its organisation role.</summary>
    public UserProfile WithRole(OrganizationRole role) =>
        this with { IsAdministrator = role == OrganizationRole.Administrator, IsOrganizer = role == OrganizationRole.Organizer };
}
