namespace Cabinet.People;

/// <summary>
/// A client id is <c>{organisationId}.{random}</c>, so a token request finds its organisation's grain; the actor a
/// client acts as is named <c>client:{clientId}</c>, a name no person can have (user names hold no colon).
/// </summary>
public static class IntegrationClientIds
{
    public const int MaxPerOrganization = 50;
    public const string ActorPrefix = "client:";

    /// <summary>The organisation a client id belongs to (its part before the last dot), or null when malformed.</summary>
    public static string? OrganizationOf(string? clientId) =>
        clientId is { Length: > 2 and <= 200 } && clientId.LastIndexOf('.') is > 0 and var dot && dot < clientId.Length - 1 ? clientId[..dot] : null;

    public static string ActorName(string clientId) => ActorPrefix + clientId;
}
