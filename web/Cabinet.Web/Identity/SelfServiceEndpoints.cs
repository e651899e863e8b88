using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;
using Cabinet.Web.Api;
using Microsoft.AspNetCore.Mvc;

namespace Cabinet.Web.Identity;

/// <summary>
/// What a signed-in person does with their own account: change the password (every session ends; a browser is signed
/// in again at once), list their open sessions, end one or all. The same actions as JSON for apps and as form posts
/// for the /account page.
/// </summary>
public static class SelfServiceEndpoints
{
    public static IEndpointRouteBuilder MapSelfServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").RequireAuthorization(Hub.MeetingHubPolicy.Name).DisableAntiforgery();
        api.MapPost("/password", async (PasswordChangeRequest request, HttpContext http, IGrainFactory grains, SessionCheck check, AuditTrail audit) =>
            await ChangePasswordAsync(http, grains, check, audit, request.CurrentPassword, request.NewPassword) is var changed && changed.Ok
                ? Results.Json(new { sessionsEnded = changed.Value.Length })
                : ApiProblem.Of(changed.Error!))
            .WithTags("Account").WithSummary("Changes the caller's password (every session ends)").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/sessions", async (HttpContext http, IGrainFactory grains) =>
            Results.Json((await grains.GetGrain<IUserSessionsGrain>(Me(http).UserName).ListAsync())
                .Select(s => new { s.SessionId, kind = s.Kind.ToString().ToLowerInvariant(), s.StartedAt, s.LastSeenAt, s.ExpiresAt, s.Address, s.UserAgent, current = s.SessionId == Me(http).SessionId })))
            .WithTags("Account").WithSummary("The caller's open sessions").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapDelete("/sessions/{sessionId}", async (string sessionId, HttpContext http, SignInSessions sessions) =>
            await sessions.EndAsync(http, Me(http).UserName, sessionId) is { Ok: false } refused
                ? ApiProblem.Of(refused.Error!) : Results.NoContent())
            .WithTags("Account").WithSummary("Ends one of the caller's sessions").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/sessions/end-all", async (HttpContext http, SignInSessions sessions) =>
            Results.Json(new { sessionsEnded = (await sessions.EndAllAsync(http, Me(http).UserName)).Length }))
            .WithTags("Account").WithSummary("Ends all of the caller's sessions").ProducesProblem(StatusCodes.Status400BadRequest);

        var forms = app.MapGroup("/account").RequireAuthorization();
        forms.MapPost("/password", async ([FromForm] string? currentPassword, [FromForm] string? newPassword, HttpContext http,
            IGrainFactory grains, SessionCheck check, AuditTrail audit, SignInSessions sessions) =>
        {
            var changed = await ChangePasswordAsync(http, grains, check, audit, currentPassword, newPassword);
            if (!changed.Ok)
            {
                return Results.LocalRedirect($"/account?error={Uri.EscapeDataString(changed.Error!.Code)}");
            }

            var profile = (await grains.GetGrain<IUserGrain>(Me(http).UserName).GetProfileAsync())!;
            await sessions.SignInBrowserAsync(http, SignInOutcome.Of(profile, "", "password_changed"));
            return Results.LocalRedirect("/account?done=password");
        });
        forms.MapPost("/sessions/end", async ([FromForm] string? sessionId, HttpContext http, SignInSessions sessions) =>
        {
            await sessions.EndAsync(http, Me(http).UserName, sessionId ?? "");
            return Results.LocalRedirect(sessionId == Me(http).SessionId ? "/login" : "/account?done=ended");
        });
        forms.MapPost("/sessions/end-all", async (HttpContext http, SignInSessions sessions) =>
        {
            await sessions.EndAllAsync(http, Me(http).UserName);
            return Results.LocalRedirect("/login");
        });
        return app;
    }

    private static async Task<Result<System.Collections.Immutable.ImmutableArray<string>>> ChangePasswordAsync(
        HttpContext http, IGrainFactory grains, SessionCheck check, AuditTrail audit, string? currentPassword, string? newPassword)
    {
        if (string.IsNullOrEmpty(currentPassword) || currentPassword.Length > PasswordRules.MaxLength || newPassword is null)
        {
            return Result<System.Collections.Immutable.ImmutableArray<string>>.Refused(ErrorCodes.PasswordWrong);
        }

        var changed = await grains.GetGrain<IUserGrain>(Me(http).UserName).ChangePasswordAsync(currentPassword, newPassword);
        if (changed.Ok)
        {
            check.Ended(changed.Value);
        }

        await audit.RecordAsync(http, AuditKinds.PasswordChanged, changed.Ok ? $"{changed.Value.Length} sessions ended" : $"refused: {changed.Error!.Code}");
        return changed;
    }

    private static (string UserName, string SessionId) Me(HttpContext http) =>
        CabinetClaims.SessionOf(http.User) ?? throw new InvalidOperationException("An authorized request has a session.");
}
