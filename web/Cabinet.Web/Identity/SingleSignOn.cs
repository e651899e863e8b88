using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Cabinet.Web.Identity;

/// <summary>
/// Sign-in through the province's OpenID provider: the ID token's configured claim names an existing Cabinet account
/// (never created here), which then gets an ordinary server-side session from <see cref="SignInSessions"/>, so
/// sign-out, "sign out everywhere" and disabling end it like any other. No match, a disabled account, an account
/// Cabinet asks its second factor of, or a failed exchange lands on /login with a refusal, written to the audit log.
/// </summary>
public static class SingleSignOn
{
    public static AuthenticationBuilder AddCabinetSingleSignOn(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        builder.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return builder;
        }

        return builder.AddOpenIdConnect(SingleSignOnOptions.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = SecretSetting.Read(settings.ClientSecret, settings.ClientSecretFile);
            o.ResponseType = OpenIdConnectResponseType.Code;
            // A top-level GET back to Cabinet: a form post from the provider's origin would carry the cookies that
            // OriginCheck refuses from foreign origins, and Lax correlation cookies travel with a GET.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CallbackPath = "/account/login/sso/callback";
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.RequireHttpsMetadata = settings.IsHttps || !settings.AllowHttpAuthority;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            if (!settings.IsHttps)
            {
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            o.Events.OnTokenValidated = async context =>
            {
                context.HandleResponse();
                var http = context.HttpContext;
                var outcome = await MatchAsync(http, context.Principal?.FindFirst(settings.MatchClaim)?.Value, settings.MatchClaim);
                if (!outcome.Ok)
                {
                    http.Response.Redirect($"/login?error={Uri.EscapeDataString(outcome.Error!.Code)}");
                    return;
                }

                await http.RequestServices.GetRequiredService<SignInSessions>().SignInBrowserAsync(http, outcome);
                http.Response.Redirect(LocalOrHome(context.Properties?.RedirectUri));
            };
            o.Events.OnRemoteFailure = async context =>
            {
                context.HandleResponse();
                await context.HttpContext.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(context.HttpContext, AuditKinds.SignInFailed,
                    $"single sign-on: {Shorten(context.Failure?.Message)} ({ErrorCodes.SingleSignOnFailed.Code})", actor: "", organization: "");
                context.Response.Redirect($"/login?error={Uri.EscapeDataString(ErrorCodes.SingleSignOnFailed.Code)}");
            };
        });
    }

    /// <summary>GET /account/login/sso: off to the provider, back to <c>returnUrl</c> once signed in.</summary>
    public static IEndpointRouteBuilder MapSingleSignOnEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login/sso", (string? returnUrl, SingleSignOnOptions settings) => settings.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [SingleSignOnOptions.Scheme])
            : Results.Redirect("/login"))
            .RequireRateLimiting(CabinetRateLimiting.SignInPolicy);
        return app;
    }

    private static async Task<SignInOutcome> MatchAsync(HttpContext http, string? claimValue, string claim)
    {
        var name = claimValue?.Trim().ToLowerInvariant() ?? "";
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        var status = name.Length is 0 or > SignInChecker.MaxUserName ? null : await grains.GetGrain<IUserGrain>(name).GetStatusAsync();
        // The provider stands in for the password only: whom Cabinet asks its second factor still has to sign in with it.
        var secondFactorAsked = status is not null && SecondFactorRules.IsAsked(
            await grains.GetGrain<IOrganizationGrain>(status.Profile.OrganizationId).GetSecondFactorPolicyAsync(), status.Profile.Role, status.SecondFactorEnrolled);
        var outcome = status switch
        {
            null => SignInOutcome.Refused(ErrorCodes.SingleSignOnNoAccount, $"single sign-on: no account for {claim}={Shorten(claimValue)}"),
            { Disabled: true } => SignInOutcome.Refused(ErrorCodes.AccountDisabled, "single sign-on: disabled"),
            _ when secondFactorAsked => SignInOutcome.Refused(ErrorCodes.SingleSignOnSecondFactor, "single sign-on: Cabinet's second factor is asked of this account"),
            _ => SignInOutcome.Of(status.Profile, "", $"single sign-on by {claim}"),
        };
        if (!outcome.Ok)
        {
            await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(http, AuditKinds.SignInFailed,
                $"{outcome.Reason} ({outcome.Error!.Code})", actor: status is null ? "" : name, organization: status?.Profile.OrganizationId ?? "");
        }

        return outcome;
    }

    private static string LocalOrHome(string? url) => AccountEndpoints.IsLocal(url) ? url! : "/";

    private static string Shorten(string? text) => text is { Length: > 100 } ? text[..100] : text ?? "";
}
