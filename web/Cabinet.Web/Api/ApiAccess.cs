using Cabinet.Errors;
using Cabinet.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Api;

/// <summary>
/// Who reaches the REST API v1: a person (cookie or bearer token) for what the person may do, or an integration
/// client (its own token) for what its scopes allow. The scope is checked here only; everything else is decided by
/// the grains the endpoints call.
/// </summary>
public static class ApiAccess
{
    public const string Policy = "api-v1";

    public static void AddPolicy(Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme, IntegrationClientTokens.Scheme)
            .RequireAuthenticatedUser());

    /// <summary>Signed in by the API's schemes, with the scope checked for clients.</summary>
    public static RouteGroupBuilder ForApiCallers(this RouteGroupBuilder group) =>
        group.RequireAuthorization(Policy).AddEndpointFilter(async (context, next) =>
            Refusal(context.HttpContext) is { } refused ? ApiProblem.Of(refused) : await next(context));

    /// <summary>Integration clients granted <paramref name="scope"/> may call these too (null: any client).</summary>
    public static TBuilder AllowClients<TBuilder>(this TBuilder builder, string? scope)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequiredScope(scope));

    private static CabinetError? Refusal(HttpContext http)
    {
        if (CabinetClaims.ClientOf(http.User) is null)
        {
            return null;
        }

        return http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() switch
        {
            null => ErrorCodes.NotAPerson,
            { Scope: null } => null,
            { Scope: var scope } => http.User.HasClaim(CabinetClaims.Scope, scope) ? null : ErrorCodes.ScopeMissing with
            {
                Message = $"{ErrorCodes.ScopeMissing.Message} (cần \"{scope}\")",
            },
        };
    }
}
