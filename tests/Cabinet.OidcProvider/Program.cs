using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

// A real OpenID provider for Cabinet's single sign-on tests: OpenIddict's server (authorization code + PKCE) with one
// registered client and no database (degraded mode: the client is checked by the two handlers below; codes and tokens
// are self-contained). Its sign-in form has no password: it signs in whoever's name is submitted, the configured
// person by default, so a test can also be someone Cabinet does not know.
var builder = WebApplication.CreateBuilder(args);
var clientId = builder.Configuration["Client:Id"] ?? "cabinet";
var clientSecret = builder.Configuration["Client:Secret"] ?? throw new InvalidOperationException("Client:Secret is required.");
var redirectUri = builder.Configuration["Client:RedirectUri"] ?? throw new InvalidOperationException("Client:RedirectUri is required.");
var defaultUser = builder.Configuration["User"] ?? "daibieu3";

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/login";
        o.Cookie.Name = "provider"; // cookies on 127.0.0.1 are shared across ports: not Cabinet's names
    });
builder.Services.AddOpenIddict().AddServer(o =>
{
    o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
    o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
    o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
    o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
    o.EnableDegradedMode();
    o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
    o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
    {
        if (context.ClientId != clientId || context.RedirectUri != redirectUri)
        {
            context.Reject(Errors.InvalidRequest, "Unknown client or redirect URI.");
        }

        return default;
    }));
    o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
    {
        if (context.ClientId != clientId || context.ClientSecret != clientSecret)
        {
            context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
        }

        return default;
    }));
});

var app = builder.Build();
app.UseAuthentication();

app.MapGet("/login", (string? returnUrl) => Results.Content($"""
    <!doctype html><html><head><meta charset="utf-8"><title>Test provider</title></head><body>
    <h1>Test OpenID provider</h1>
    <form method="post" action="/login">
      <input type="hidden" name="returnUrl" value="{HtmlEncoder.Default.Encode(returnUrl ?? "/")}">
      <label>User <input name="user" value="{HtmlEncoder.Default.Encode(defaultUser)}" data-testid="provider-user"></label>
      <button type="submit" data-testid="provider-sign-in">Sign in</button>
    </form></body></html>
    """, "text/html"));

app.MapPost("/login", async (HttpContext http) =>
{
    var form = await http.Request.ReadFormAsync();
    var user = form["user"].ToString().Trim();
    var returnUrl = form["returnUrl"].ToString();
    if (user.Length is 0 or > 64 || !returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal))
    {
        return Results.BadRequest();
    }

    var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], CookieAuthenticationDefaults.AuthenticationScheme);
    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    return Results.LocalRedirect(returnUrl);
}).DisableAntiforgery();

app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
{
    var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
    var signedIn = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    if (signedIn.Principal?.Identity?.Name is not { } user)
    {
        return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString },
            [CookieAuthenticationDefaults.AuthenticationScheme]);
    }

    var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
    identity.SetClaim(Claims.Subject, "sub-" + user).SetClaim(Claims.PreferredUsername, user).SetClaim(Claims.Name, user);
    identity.SetScopes(request.GetScopes());
    identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
    return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
});

// Stops with the test run that started it, even one that dies.
if (builder.Configuration.GetValue<int?>("ParentProcessId") is { } parent)
{
    _ = Task.Run(async () =>
    {
        while (IsRunning(parent))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        app.Lifetime.StopApplication();
    });
}

await app.RunAsync();

static bool IsRunning(int processId)
{
    try
    {
        using var process = System.Diagnostics.Process.GetProcessById(processId);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
}
