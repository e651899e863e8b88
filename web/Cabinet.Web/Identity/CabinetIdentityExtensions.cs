using Cabinet.Hub;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Identity;

public static class CabinetIdentityExtensions
{
    /// <summary>
    /// Browsers sign in with a cookie (sliding session timeout); apps, integrations and the load harness get a
    /// bearer token from /api/auth/token. The hub accepts either.
    /// </summary>
    public static WebApplicationBuilder AddCabinetIdentity(this WebApplicationBuilder builder, CabinetOptions options)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.Cookie.Name = "cabinet";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context =>
                {
                    if (IsApi(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(8);
                o.Events.OnMessageReceived = context =>
                {
                    // WebSockets cannot carry an Authorization header from browsers; SignalR sends the token in the query.
                    if (context.Request.Path.StartsWithSegments(MeetingHub.Path) && context.Request.Query["access_token"] is { Count: 1 } token)
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MeetingHubPolicy.Name, p => p
                .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<SignInChecker>();
        return builder;
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(MeetingHub.Path);
}
