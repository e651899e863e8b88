using Cabinet.Audit;
using Cabinet.Web.Administration;

namespace Cabinet.Web.Identity;

/// <summary>
/// An administrator's actions on an account of an organisation they administer: disable (every session ends at once),
/// enable, reset the password (a temporary one, changed at the next sign-in; sessions end), unlock (clear its sign-in
/// throttles). Each is written to the audit log.
/// </summary>
public static class AdminAccountEndpoints
{
    public static IEndpointRouteBuilder MapAdminAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users/{userName}").ForAdministrators().DisableAntiforgery();
        users.MapPost("/disable", (string userName, HttpContext http, PeopleAdministration people) =>
            ActAsync(people.ActAsync(http, userName, AuditKinds.AccountDisabled, user => user.SetDisabledAsync(true)), userName));
        users.MapPost("/enable", (string userName, HttpContext http, PeopleAdministration people) =>
            ActAsync(people.ActAsync(http, userName, AuditKinds.AccountEnabled, user => user.SetDisabledAsync(false)), userName));
        users.MapPost("/password", (string userName, PasswordResetRequest request, HttpContext http, PeopleAdministration people) =>
            ActAsync(people.ActAsync(http, userName, AuditKinds.PasswordReset, user => user.ResetPasswordAsync(request.Password ?? "")), userName));
        users.MapPost("/unlock", (string userName, HttpContext http, PeopleAdministration people) =>
            ActAsync(people.ActAsync(http, userName, AuditKinds.AccountUnlocked, user => user.UnlockAsync()), userName));
        return app;
    }

    private static async Task<IResult> ActAsync(Task<Errors.Result<int>> action, string userName) =>
        AdminResults.Of(await action, ended => Results.Json(new { userName = userName.ToLowerInvariant(), sessionsEnded = ended }));
}
