namespace Cabinet.People;

/// <summary>
/// Who asks for something, as established by the server from the signed-in user (never from client input).
/// Every grain command takes one and checks the actor's role itself. An <see cref="IsIntegrationClient"/> actor is a
/// registered system of the organisation (issue 18), not a person: it reads and prepares as an administrator of its
/// organisation within its scopes, and is never a participant, so it never votes, signs or speaks.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.actor")]
public sealed record Actor(string UserName, string DisplayName, string OrganizationId, bool IsAdministrator, bool IsOrganizer = false, bool IsIntegrationClient = false);
