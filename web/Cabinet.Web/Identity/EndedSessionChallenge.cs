using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Cabinet.Web.Identity;

/// <summary>
/// A token whose session has ended authenticates to nobody (<see cref="SessionClaimsCheck"/>), which ASP.NET Core would
/// answer 403 (authentication "succeeded"). Nobody signed in is asked to sign in: 401, or the sign-in page.
/// </summary>
public sealed class EndedSessionChallenge : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        _default.HandleAsync(next, context, policy,
            authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true ? PolicyAuthorizationResult.Challenge() : authorizeResult);
}
