using Cabinet.Web.Api;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;
using Cabinet.Web.Administration;

namespace Cabinet.Web.Identity;

/// <summary>
/// The admin API for accounts (docs/identity.md): create accounts, change a person's role, and read the server's
/// memory figures (used by the capacity harness) and its routes (checked against the OpenAPI document). Only
/// administrators; each account action asks whether the caller administers the person's organisation (their own, or
/// one under it).
/// </summary>
public static class AdminEndpoints
{
    public const int MaxBatch = 500;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").ForAdministrators().DisableAntiforgery();

        // In the administrator's own organisation; POST /api/admin/organizations/{id}/people for another.
        admin.MapPost("/admin/users", (NewUser[]? users, HttpContext http, PeopleAdministration people) =>
            CreateAsync(http, people, CabinetClaims.ToActor(http.User)!.OrganizationId, users))
            .WithTags("Administration").WithSummary("Creates accounts in the administrator's organisation (1–500)").ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapPost("/admin/organizations/{organizationId}/people", (string organizationId, NewUser[]? users, HttpContext http, PeopleAdministration people) =>
            CreateAsync(http, people, organizationId, users))
            .WithTags("Administration").WithSummary("Creates accounts in an administered organisation (1–500)").ProducesProblem(StatusCodes.Status400BadRequest);

        admin.MapPut("/admin/users/{userName}", async (string userName, ProfileChange? change, HttpContext http, PeopleAdministration people) =>
            ApiProblem.Of(await people.UpdateAsync(http, userName, change?.DisplayName, change?.Position, change?.Email, change?.Phone), () => Results.Json(new { userName })))
            .WithTags("Administration").WithSummary("Changes a person's display name, position, e-mail address and phone number").ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapPut("/admin/users/{userName}/role", async (string userName, RoleChange? change, HttpContext http, PeopleAdministration people) =>
            ApiProblem.Of(await people.SetRoleAsync(http, userName, change?.Role), () => Results.Json(new { userName, role = change!.Role ?? "member" })))
            .WithTags("Administration").WithSummary("Changes a person's organisation role").ProducesProblem(StatusCodes.Status400BadRequest);

        // Forces a full collection first, so the heap figure is what is live, not what is waiting to be collected.
        admin.MapGet("/diagnostics/memory", () =>
            Results.Json(new { managedBytes = GC.GetTotalMemory(forceFullCollection: true), workingSetBytes = Environment.WorkingSet }))
            .WithTags("Administration").WithSummary("The server's managed heap and working set (after a full collection)").ProducesProblem(StatusCodes.Status400BadRequest);

        // Every route this host maps, with its methods: what the OpenAPI test checks the document against.
        admin.MapGet("/diagnostics/routes", (EndpointDataSource endpoints) => Results.Json(endpoints.Endpoints.OfType<RouteEndpoint>()
                .Select(e => new { pattern = e.RoutePattern.RawText, methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [] })))
            .WithTags("Administration").WithSummary("Every route this host maps and its methods").ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>Signed in (cookie or bearer token), and an administrator: everyone else gets 403 <c>auth.forbidden</c>.</summary>
    internal static RouteGroupBuilder ForAdministrators(this RouteGroupBuilder group) =>
        group.RequireAuthorization(Hub.MeetingHubPolicy.Name).AddEndpointFilter(async (context, next) =>
            CabinetClaims.ToActor(context.HttpContext.User) is { IsAdministrator: true } ? await next(context) : NotAdministrator());

    internal static IResult NotAdministrator() =>
        ApiProblem.Of(ErrorCodes.Forbidden with { Message = "Chỉ quản trị viên của tổ chức mới được thực hiện thao tác này." });

    internal static async Task<IResult> CreateAsync(HttpContext http, PeopleAdministration people, string organizationId, NewUser[]? users) =>
        users is not { Length: > 0 and <= MaxBatch }
            ? ApiProblem.Of(ErrorCodes.Invalid($"Cần từ 1 đến {MaxBatch} tài khoản mỗi lần."))
            : ApiProblem.Of(await people.CreatePeopleAsync(http, organizationId, users),
                created => Results.Json(new { organizationId, created }, statusCode: StatusCodes.Status201Created));
}
