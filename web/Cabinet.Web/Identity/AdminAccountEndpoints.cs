using Cabinet.Web.Api;
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
        foreach (var action in new[] { "disable", "enable", "unlock" })
        {
            users.MapPost($"/{action}", async (string userName, HttpContext http, PeopleAdministration people) =>
                Answer(await people.ActAsync(http, userName, action), userName))
            .WithTags("Administration").WithSummary("Disables, enables or unlocks an account (disable ends its sessions)").ProducesProblem(StatusCodes.Status400BadRequest);
        }

        users.MapPost("/password", async (string userName, PasswordResetRequest request, HttpContext http, PeopleAdministration people) =>
            Answer(await people.ActAsync(http, userName, "password", request.Password), userName))
            .WithTags("Administration").WithSummary("Sets a temporary password the person must change").ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static IResult Answer(Errors.Result<int> done, string userName) =>
        ApiProblem.Of(done, ended => Results.Json(new { userName = userName.ToLowerInvariant(), sessionsEnded = ended }));
}
