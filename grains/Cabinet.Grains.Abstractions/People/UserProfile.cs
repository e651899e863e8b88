namespace Cabinet.People;

/// <param name="IsOrganizer">May create and prepare the organisation's meetings; an administrator is one whatever this says.</param>
/// <param name="Email">Where notices are e-mailed (checked by <see cref="ContactRules"/>), if the person has one.</param>
/// <param name="Phone">Where notices are texted, digits with an optional leading "+", if the person has one.</param>
[GenerateSerializer, Immutable, Alias("cabinet.user-profile")]
public sealed record UserProfile(
    string UserName, string DisplayName, string OrganizationId, string Position, bool IsAdministrator, bool IsOrganizer = false,
    string? Email = null, string? Phone = null)
{
    public OrganizationRole Role => IsAdministrator ? OrganizationRole.Administrator : IsOrganizer ? OrganizationRole.Organizer : OrganizationRole.Member;

    public Actor ToActor() => new(UserName, DisplayName, OrganizationId, IsAdministrator, IsOrganizer);

    /// <summary>This profile with <paramref name="role"/> as its organisation role.</summary>
    public UserProfile WithRole(OrganizationRole role) =>
        this with { IsAdministrator = role == OrganizationRole.Administrator, IsOrganizer = role == OrganizationRole.Organizer };
}
