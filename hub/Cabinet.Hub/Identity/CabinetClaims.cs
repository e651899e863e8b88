using System.Security.Claims;
using Cabinet.People;

namespace Cabinet.Identity;

/// <summary>The claims Cabinet puts in a sign-in cookie or token, and the <see cref="Actor"/> read back from them.</summary>
public static class CabinetClaims
{
    public const string Organization = "cabinet:org";
    public const string AdministratorRole = "administrator";
    public const string OrganizerRole = "organizer";

    /// <summary>The server-side session (<see cref="IUserSessionsGrain"/>) a cookie or token belongs to.</summary>
    public const string Session = "cabinet:sid";

    /// <summary>The integration client a token was issued to (issue 18); a principal with it is not a person.</summary>
    public const string Client = "cabinet:client";

    /// <summary>One claim per scope granted to an integration client.</summary>
    public const string Scope = "scope";

    public static ClaimsIdentity ToIdentity(UserProfile profile, string sessionId, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, profile.UserName),
            new(ClaimTypes.Name, profile.DisplayName),
            new(Organization, profile.OrganizationId),
            new(Session, sessionId),
        };
        if (profile.IsAdministrator)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdministratorRole));
        }

        if (profile.IsOrganizer)
        {
            claims.Add(new Claim(ClaimTypes.Role, OrganizerRole));
        }

        return new ClaimsIdentity(claims, authenticationType);
    }

    /// <summary>An integration client acts as an administrator of its organisation, held back by its scopes and by being no participant.</summary>
    public static ClaimsIdentity ToIdentity(IntegrationClientView client, IEnumerable<string> scopes, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(client);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, IntegrationClientIds.ActorName(client.ClientId)),
            new(ClaimTypes.Name, client.Name),
            new(Organization, client.OrganizationId),
            new(Client, client.ClientId),
            new(ClaimTypes.Role, AdministratorRole),
        };
        claims.AddRange(scopes.Select(s => new Claim(Scope, s)));
        return new ClaimsIdentity(claims, authenticationType);
    }

    /// <returns>The integration client's id, or null when the principal is a person (or nobody).</returns>
    public static string? ClientOf(ClaimsPrincipal? user) => user?.FindFirstValue(Client);

    /// <returns>The user name and session id, or null when the principal carries no session (signed in before sessions existed).</returns>
    public static (string UserName, string SessionId)? SessionOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userName && user.FindFirstValue(Session) is { } session ? (userName, session) : null;

    /// <returns>The actor, or null when the principal is not a signed-in Cabinet user.</returns>
    public static Actor? ToActor(ClaimsPrincipal? user)
    {
        var userName = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var organization = user?.FindFirstValue(Organization);
        if (user?.Identity?.IsAuthenticated != true || userName is null || organization is null)
        {
            return null;
        }

        return new Actor(userName, user.FindFirstValue(ClaimTypes.Name) ?? userName, organization, user.IsInRole(AdministratorRole), user.IsInRole(OrganizerRole),
            IsIntegrationClient: ClientOf(user) is not null);
    }
}
