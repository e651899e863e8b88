using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Identity;
using Cabinet.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Identity;

public static class CabinetIdentityExtensions
{
    /// <summary>
    /// Browsers sign in with a cookie that holds only a key to a server-side session; apps get a short access token and
    /// a rotating refresh token from /api/auth/token. The hub accepts either. Every session can be ended by the server
    /// (docs/identity.md).
    /// </summary>
    public static WebApplicationBuilder AddCabinetIdentity(this WebApplicationBuilder builder, SessionLimits limits)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "cabinet";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(limits.IdleMinutes);
                o.SlidingExpiration = true;
                // API callers get a problem (ApiStatusProblems; the hub's negotiate a bare status), never a redirect to a page.
                o.Events.OnRedirectToLogin = context => Refuse(context, ErrorCodes.NotSignedIn);
                o.Events.OnRedirectToAccessDenied = context => Refuse(context, ErrorCodes.Forbidden);
            })
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(limits.AccessTokenMinutes);
                o.Events.OnMessageReceived = context =>
                {
                    // WebSockets cannot carry an Authorization header from browsers; SignalR sends the token in the query.
                    if (context.Request.Path.StartsWithSegments(MeetingHub.Path) && context.Request.Query["access_token"] is { Count: 1 } token)
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(Api.IntegrationClientTokens.Scheme, o => o.BearerTokenExpiration = Api.IntegrationClientTokens.Lifetime)
            .AddCabinetSingleSignOn(builder.Configuration);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ITicketStore>((o, store) => o.SessionStore = store);
        Api.ApiAccess.AddPolicy(builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MeetingHubPolicy.Name, p => p
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()));
        builder.Services.AddSingleton<Api.IntegrationClientTokens>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<ITicketStore, CabinetTicketStore>();
        builder.Services.AddSingleton<IClaimsTransformation, SessionClaimsCheck>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, EndedSessionChallenge>();
        builder.Services.AddSingleton<SessionCheck>();
        builder.Services.AddSingleton<SessionGuardFilter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionGuardFilter>());
        builder.Services.AddSingleton<DeviceCookie>();
        builder.Services.AddSingleton<AddressThrottle>();
        builder.Services.AddSingleton<SignInChecker>();
        builder.Services.AddSingleton<SignInSessions>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        return builder;
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, CabinetError error)
    {
        if (IsApiOrHub(context.Request))
        {
            // Only the status: other schemes may challenge the same request; ApiStatusProblems writes the problem once.
            context.Response.StatusCode = Api.ApiProblem.StatusOf(error.Code);
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool IsApiOrHub(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(MeetingHub.Path);
}
