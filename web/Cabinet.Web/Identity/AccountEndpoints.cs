using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;
using Cabinet.Web.Api;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Cabinet.Web.Identity;

/// <summary>Sign-in and sign-out: the browser's form and cookie, the apps' tokens (docs/identity.md).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? newPassword,
            [FromForm] string? returnUrl, SignInChecker checker, SignInSessions sessions, HttpContext http) =>
        {
            var outcome = await checker.CheckAsync(http, userName, password, string.IsNullOrEmpty(newPassword) ? null : newPassword);
            if (outcome.Challenge is { } challenge)
            {
                SecondFactorCookie.Write(http, challenge);
                return Results.Redirect($"/login?step=code&returnUrl={Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl! : "/")}");
            }

            if (!outcome.Ok)
            {
                var wait = outcome.RetryAfterSeconds > 0 ? $"&retryAfter={outcome.RetryAfterSeconds}" : "";
                return Results.Redirect($"/login?error={Uri.EscapeDataString(outcome.Error!.Code)}{wait}&userName={Uri.EscapeDataString(userName ?? "")}"
                    + $"&returnUrl={Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl! : "/")}");
            }

            await sessions.SignInBrowserAsync(http, outcome);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        // The second step of a browser's sign-in: the code for the challenge in the cookie.
        app.MapPost("/account/login/code", async ([FromForm] string? code, [FromForm] string? returnUrl, SignInChecker checker, SignInSessions sessions, HttpContext http) =>
        {
            var outcome = await checker.CompleteAsync(http, SecondFactorCookie.Read(http), code);
            var back = IsLocal(returnUrl) ? returnUrl! : "/";
            if (!outcome.Ok)
            {
                var again = outcome.Error!.Code != ErrorCodes.SecondFactorChallengeInvalid.Code;
                if (!again)
                {
                    SecondFactorCookie.Delete(http);
                }

                var wait = outcome.RetryAfterSeconds > 0 ? $"&retryAfter={outcome.RetryAfterSeconds}" : "";
                return Results.Redirect($"/login?{(again ? "step=code&" : "")}error={Uri.EscapeDataString(outcome.Error.Code)}{wait}&returnUrl={Uri.EscapeDataString(back)}");
            }

            SecondFactorCookie.Delete(http);
            await sessions.SignInBrowserAsync(http, outcome);
            // A first code that enrolled: /account shows the new recovery codes, once.
            return Results.LocalRedirect(outcome.Reason.Contains("totp_enrolled", StringComparison.Ordinal) ? "/account?done=enrolled" : back);
        }).RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        app.MapPost("/account/logout", async (HttpContext http, AuditTrail audit, SessionCheck check) =>
        {
            if (CabinetClaims.SessionOf(http.User) is var (_, sessionId))
            {
                check.Ended([sessionId]);
                await audit.RecordAsync(http, AuditKinds.SignOut, $"browser session {sessionId}");
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme); // the ticket store ends the session
            return Results.LocalRedirect("/login");
        });

        app.MapPost("/api/auth/token", async ([FromBody] TokenRequest request, SignInChecker checker, SignInSessions sessions, HttpContext http) =>
        {
            var outcome = await checker.CheckAsync(http, request.UserName, request.Password, request.NewPassword);
            return outcome.Challenge is { } challenge
                ? ApiProblem.Of(outcome.Error!, new Dictionary<string, object?>
                {
                    ["challenge"] = challenge, ["expiresIn"] = (int)SecondFactorRules.ChallengeLifetime.TotalSeconds,
                    ["enrolment"] = outcome.Enrolment is { } e ? new { secret = e.Secret, uri = e.Uri } : null,
                })
                : !outcome.Ok ? Refusal(outcome) : Results.Json(await sessions.IssueTokensAsync(http, outcome));
        }).WithTags("Sign-in").WithSummary("Signs a person in: an access token and a refresh token").ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableAntiforgery().RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        app.MapPost("/api/auth/token/mfa", async ([FromBody] SecondFactorRequest request, SignInChecker checker, SignInSessions sessions, IGrainFactory grains, HttpContext http) =>
        {
            var outcome = await checker.CompleteAsync(http, request.Challenge, request.Code);
            if (!outcome.Ok)
            {
                return Refusal(outcome);
            }

            var tokens = await sessions.IssueTokensAsync(http, outcome);
            var recoveryCodes = await grains.GetGrain<IUserGrain>(outcome.Profile!.UserName).TakeFreshRecoveryCodesAsync();
            return recoveryCodes.IsEmpty ? Results.Json(tokens)
                : Results.Json(new { tokens.TokenType, tokens.AccessToken, tokens.ExpiresIn, tokens.RefreshToken, recoveryCodes });
        }).WithTags("Sign-in").WithSummary("Completes a sign-in with the second factor").ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableAntiforgery().RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        app.MapPost("/api/auth/refresh", async ([FromBody] RefreshRequest request, SignInSessions sessions, HttpContext http) =>
            await sessions.RefreshAsync(http, request.RefreshToken) is var refreshed && refreshed.Ok
                ? Results.Json(refreshed.Value)
                : ApiProblem.Of(refreshed.Error!))
            .WithTags("Sign-in").WithSummary("A new access token for a refresh token (rotated)").ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableAntiforgery().RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        // With a refresh token: ends that app session (anyone holding the token may). Without: ends the caller's own session.
        app.MapPost("/api/auth/revoke", async (HttpContext http, SignInSessions sessions) =>
        {
            var request = http.Request.ContentLength > 0 ? await http.Request.ReadFromJsonAsync<RefreshRequest>() : null;
            if (request?.RefreshToken is null)
            {
                http.User = (await http.AuthenticateAsync(BearerTokenDefaults.AuthenticationScheme)).Principal ?? http.User;
            }

            return await sessions.RevokeAsync(http, request?.RefreshToken) is { } refused
                ? ApiProblem.Of(refused)
                : Results.NoContent();
        }).WithTags("Sign-in").WithSummary("Ends an app session (by refresh token) or the caller's own").ProducesProblem(StatusCodes.Status400BadRequest)
            .DisableAntiforgery().RequireRateLimiting(CabinetRateLimiting.SignInPolicy);

        return app;
    }

    private static IResult Refusal(SignInOutcome outcome) => outcome.Error!.Code == ErrorCodes.SignInThrottled.Code
        ? ApiProblem.RateLimited(outcome.Error, TimeSpan.FromSeconds(outcome.RetryAfterSeconds))
        : ApiProblem.Of(outcome.Error);

    /// <summary>A return address on this site only (no open redirect).</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
