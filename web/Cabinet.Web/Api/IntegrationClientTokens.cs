using System.Collections.Concurrent;
using System.Security.Claims;
using Cabinet.Identity;
using Cabinet.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Api;

/// <summary>
/// Access tokens of integration clients: a bearer-token scheme of their own (<see cref="Scheme"/>), so a client's token
/// is refused by everything that accepts only people (the hub, the pages, the older endpoints) and accepted by the
/// REST API v1. Whether the client still exists is asked of its grain and remembered here for <see cref="ActiveFor"/>:
/// a client revoked through this host is refused at once, through another within that time.
/// </summary>
public sealed class IntegrationClientTokens(IGrainFactory grains, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    public const string Scheme = "IntegrationClient";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ActiveFor = TimeSpan.FromSeconds(5);
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (bool Active, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public string Issue(IntegrationClientView client, IReadOnlyCollection<string> scopes)
    {
        var principal = new ClaimsPrincipal(CabinetClaims.ToIdentity(client, scopes, Scheme));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + Lifetime }, Scheme);
        return bearer.Get(Scheme).BearerTokenProtector.Protect(ticket);
    }

    public async ValueTask<bool> IsActiveAsync(string clientId)
    {
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(clientId, out var known) && known.Until > now)
        {
            return known.Active;
        }

        var active = IntegrationClientIds.OrganizationOf(clientId) is { } organization
            && await grains.GetGrain<IIntegrationClientsGrain>(organization).IsActiveAsync(clientId);
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        // A revoked client never comes back: remembered as such until its last token has expired.
        _known[clientId] = (active, now + (active ? ActiveFor : Lifetime));
        return active;
    }

    /// <summary>Records on this host that a client was revoked (or its secret rotated: its tokens are checked again).</summary>
    public void Changed(string clientId, bool revoked) =>
        _known[clientId] = revoked ? (false, clock.GetUtcNow() + Lifetime) : default;
}
