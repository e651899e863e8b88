using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;
using Cabinet.Web.Administration;

namespace Cabinet.Web.Identity;

/// <summary>
/// The admin API for accounts (docs/identity.md): create accounts, change a person's role, and read the server's
/// memory figures (used by the capacity harness). Only administrators; each account action asks whether the caller
/// administers the person's organisation (their own, or one under it).
/// </summary>
public static class AdminEndpoints
{
    public const int MaxBatch = 500;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").ForAdministrators().DisableAntiforgery();

        // In the administrator's own organisation; POST /api/admin/organizations/{id}/people for another.
        admin.MapPost("/admin/users", (NewUser[]? users, HttpContext http, PeopleAdministration people) =>
            CreateAsync(http, people, CabinetClaims.ToActor(http.User)!.OrganizationId, users));
        admin.MapPost("/admin/organizations/{organizationId}/people", (string organizationId, NewUser[]? users, HttpContext http, PeopleAdministration people) =>
            CreateAsync(http, people, organizationId, users));

        admin.MapPut("/admin/users/{userName}", async (string userName, ProfileChange? change, HttpContext http, PeopleAdministration people) =>
            AdminResults.Of(await people.UpdateAsync(http, userName, change?.DisplayName, change?.Position, change?.Email, change?.Phone), () => Results.Json(new { userName })));
        admin.MapPut("/admin/users/{userName}/role", async (string userName, RoleChange? change, HttpContext http, PeopleAdministration people) =>
            AdminResults.Of(await people.SetRoleAsync(http, userName, change?.Role), () => Results.Json(new { userName, role = change!.Role ?? "member" })));

        // Forces a full collection first, so the heap figure is what is live, not what is waiting to be collected.
        admin.MapGet("/diagnostics/memory", () =>
            Results.Json(new { managedBytes = GC.GetTotalMemory(forceFullCollection: true), workingSetBytes = Environment.WorkingSet }));
        return app;
    }

    /// <summary>Signed in (cookie or bearer token), and an administrator: everyone else gets 403 <c>auth.forbidden</c>.</summary>
    internal static RouteGroupBuilder ForAdministrators(this RouteGroupBuilder group) =>
        group.RequireAuthorization(Hub.MeetingHubPolicy.Name).AddEndpointFilter(async (context, next) =>
            CabinetClaims.ToActor(context.HttpContext.User) is { IsAdministrator: true } ? await next(context) : NotAdministrator());

    internal static IResult NotAdministrator() =>
        Results.Json(ErrorCodes.Forbidden with { Message = "Chỉ quản trị viên của tổ chức mới được thực hiện thao tác này." },
            statusCode: StatusCodes.Status403Forbidden);

    private static async Task<IResult> CreateAsync(HttpContext http, PeopleAdministration people, string organizationId, NewUser[]? users) =>
        users is not { Length: > 0 and <= MaxBatch }
            ? AdminResults.Refused(ErrorCodes.Invalid($"Cần từ 1 đến {MaxBatch} tài khoản mỗi lần."))
            : AdminResults.Of(await people.CreatePeopleAsync(http, organizationId, users),
                created => Results.Json(new { organizationId, created }, statusCode: StatusCodes.Status201Created));
}
