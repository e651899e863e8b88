using System.Collections.Immutable;
using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;

namespace Cabinet.Web.Identity;

/// <summary>
/// An administrator's actions on an account of their own organisation: disable (every session ends at once), enable,
/// reset the password (a temporary one, changed at the next sign-in; sessions end). Each is written to the audit log.
/// </summary>
public static class AdminAccountEndpoints
{
    public static IEndpointRouteBuilder MapAdminAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users/{userName}").ForAdministrators().DisableAntiforgery();
        users.MapPost("/disable", (string userName, HttpContext http, IGrainFactory grains, SessionCheck check, AuditTrail audit) =>
            ActAsync(userName, http, grains, check, audit, AuditKinds.AccountDisabled, user => user.SetDisabledAsync(true)));
        users.MapPost("/enable", (string userName, HttpContext http, IGrainFactory grains, SessionCheck check, AuditTrail audit) =>
            ActAsync(userName, http, grains, check, audit, AuditKinds.AccountEnabled, user => user.SetDisabledAsync(false)));
        users.MapPost("/password", (string userName, PasswordResetRequest request, HttpContext http, IGrainFactory grains, SessionCheck check, AuditTrail audit) =>
            ActAsync(userName, http, grains, check, audit, AuditKinds.PasswordReset, user => user.ResetPasswordAsync(request.Password ?? "")));
        return app;
    }

    private static async Task<IResult> ActAsync(string userName, HttpContext http, IGrainFactory grains, SessionCheck check, AuditTrail audit,
        string kind, Func<IUserGrain, Task<Result<ImmutableArray<string>>>> action)
    {
        var admin = CabinetClaims.ToActor(http.User)!;
        var user = grains.GetGrain<IUserGrain>(userName.ToLowerInvariant());
        var profile = userName.Length <= SignInChecker.MaxUserName ? await user.GetProfileAsync() : null;
        if (profile is null)
        {
            return Results.Json(ErrorCodes.UnknownUser, statusCode: StatusCodes.Status404NotFound);
        }

        if (profile.OrganizationId != admin.OrganizationId)
        {
            return AdminEndpoints.NotAdministrator();
        }

        var done = await action(user);
        if (!done.Ok)
        {
            return Results.Json(done.Error, statusCode: StatusCodes.Status400BadRequest);
        }

        check.Ended(done.Value);
        await audit.RecordAsync(http, kind, $"{profile.UserName}: {done.Value.Length} sessions ended");
        return Results.Json(new { userName = profile.UserName, sessionsEnded = done.Value.Length });
    }
}
