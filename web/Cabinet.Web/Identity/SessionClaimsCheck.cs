using System.Security.Claims;
using Cabinet.Identity;
using Cabinet.Web.Api;
using Microsoft.AspNetCore.Authentication;

namespace Cabinet.Web.Identity;

/// <summary>
/// Runs after every successful authentication, cookie or bearer token alike: a principal whose session has ended (or
/// whose integration client was revoked) is replaced by an anonymous one, so every endpoint, the hub's negotiation and
/// document files see nobody signed in. (The bearer handler has no hook of its own for this; the cookie's ticket store
/// already refuses ended sessions.)
/// </summary>
public sealed class SessionClaimsCheck(SessionCheck sessions, IntegrationClientTokens clients) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated != true || await IsAliveAsync(principal) ? principal : new ClaimsPrincipal(new ClaimsIdentity());

    private ValueTask<bool> IsAliveAsync(ClaimsPrincipal principal) =>
        CabinetClaims.ClientOf(principal) is { } client ? clients.IsActiveAsync(client) : sessions.IsAliveAsync(principal);
}
