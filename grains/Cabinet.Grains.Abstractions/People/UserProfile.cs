namespace Cabinet.People;

[GenerateSerializer, Immutable, Alias("cabinet.user-profile")]
public sealed record UserProfile(string UserName, string DisplayName, string OrganizationId, string Position, bool IsAdministrator)
{
    public Actor ToActor() => new(UserName, DisplayName, OrganizationId, IsAdministrator);
}
