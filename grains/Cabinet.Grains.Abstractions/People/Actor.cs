namespace Cabinet.People;

/// <summary>
/// Who asks for something, as established by the server from the signed-in user (never from client input).
/// Every grain command takes one and checks the actor's role itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.actor")]
public sealed record Actor(string UserName, string DisplayName, string OrganizationId, bool IsAdministrator, bool IsOrganizer = false);
