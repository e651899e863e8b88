using System.Text.RegularExpressions;
using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Identity;

/// <summary>
/// What an organisation's administrator may do over HTTP (cookie or bearer token): create accounts in their own
/// organisation with their organisation role, change a member's role, and read the server's memory figures (used by
/// the capacity harness). Everyone else gets 403.
/// </summary>
public static partial class AdminEndpoints
{
    public const int MaxBatch = 500;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").RequireAuthorization(p => p
            .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());

        admin.MapPost("/admin/users", async (NewUser[]? users, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
            CabinetClaims.ToActor(http.User) is not { IsAdministrator: true } actor ? NotAdministrator()
            : Check(users) is { } invalid ? Results.Json(invalid, statusCode: StatusCodes.Status400BadRequest)
            : await CreateAsync(users!, actor, grains, http, audit)).DisableAntiforgery();

        // A changed role is in the person's sign-in from their next sign-in on.
        admin.MapPut("/admin/users/{userName}/role", async (string userName, RoleChange? change, HttpContext http, IGrainFactory grains) =>
        {
            if (CabinetClaims.ToActor(http.User) is not { IsAdministrator: true } actor)
            {
                return NotAdministrator();
            }

            if (ParseRole(change?.Role) is not { } role)
            {
                return Results.Json(ErrorCodes.Invalid("Vai trò phải là member, organizer hoặc administrator."), statusCode: StatusCodes.Status400BadRequest);
            }

            var user = grains.GetGrain<IUserGrain>(userName);
            if (!UserNamePattern().IsMatch(userName) || await user.GetProfileAsync() is not { } profile || profile.OrganizationId != actor.OrganizationId)
            {
                return Results.Json(ErrorCodes.UnknownUser, statusCode: StatusCodes.Status404NotFound);
            }

            var changed = await user.SetOrganizationRoleAsync(role);
            return changed.Ok ? Results.Json(new { userName, role = RoleName(role) }) : Results.Json(changed.Error, statusCode: StatusCodes.Status400BadRequest);
        }).DisableAntiforgery();

        // Forces a full collection first, so the heap figure is what is live, not what is waiting to be collected.
        admin.MapGet("/diagnostics/memory", (HttpContext http) =>
            CabinetClaims.ToActor(http.User) is not { IsAdministrator: true } ? NotAdministrator()
            : Results.Json(new { managedBytes = GC.GetTotalMemory(forceFullCollection: true), workingSetBytes = Environment.WorkingSet }));
        return app;
    }

    /// <summary>Signed in (cookie or bearer token), and an administrator: everyone else gets 403 <c>auth.forbidden</c>.</summary>
    internal static RouteGroupBuilder ForAdministrators(this RouteGroupBuilder group) =>
        group.RequireAuthorization(Hub.MeetingHubPolicy.Name).AddEndpointFilter(async (context, next) =>
            CabinetClaims.ToActor(context.HttpContext.User) is { IsAdministrator: true } ? await next(context) : NotAdministrator());

    internal static IResult NotAdministrator() =>
        Results.Json(ErrorCodes.Forbidden with { Message = "Chỉ quản trị viên của tổ chức mới được thực hiện thao tác này." },
            statusCode: StatusCodes.Status403Forbidden);

    private static CabinetError? Check(NewUser[]? users)
    {
        if (users is not { Length: > 0 and <= MaxBatch })
        {
            return ErrorCodes.Invalid($"Cần từ 1 đến {MaxBatch} tài khoản mỗi lần.");
        }

        foreach (var user in users)
        {
            if (user is null || !UserNamePattern().IsMatch(user.UserName ?? ""))
            {
                return ErrorCodes.Invalid($"Tên đăng nhập '{user?.UserName}' phải gồm 3–64 ký tự a-z, 0-9 hoặc dấu chấm.");
            }

            if (string.IsNullOrWhiteSpace(user.DisplayName) || user.DisplayName.Length > 120 || (user.Position?.Length ?? 0) > 200)
            {
                return ErrorCodes.Invalid($"Họ tên (1–120 ký tự) hoặc chức vụ (tối đa 200 ký tự) của '{user.UserName}' không hợp lệ.");
            }

            if (user.Role is not null && ParseRole(user.Role) is null)
            {
                return ErrorCodes.Invalid($"Vai trò của '{user.UserName}' phải là member, organizer hoặc administrator.");
            }

            if (PasswordRules.Check(user.Password, user.UserName!, isAdministrator: ParseRole(user.Role) == OrganizationRole.Administrator) is { } weak)
            {
                return ErrorCodes.Invalid($"Mật khẩu của '{user.UserName}': {weak.Message}");
            }
        }

        return users.Select(u => u.UserName).Distinct(StringComparer.Ordinal).Count() == users.Length
            ? null : ErrorCodes.Invalid("Danh sách có tên đăng nhập trùng nhau.");
    }

    private static async Task<IResult> CreateAsync(NewUser[] users, Actor admin, IGrainFactory grains, HttpContext http, AuditTrail audit)
    {
        var profiles = await Task.WhenAll(users.Select(u => grains.GetGrain<IUserGrain>(u.UserName!).GetProfileAsync()));
        if (profiles.FirstOrDefault(p => p is not null) is { } taken)
        {
            return Results.Json(ErrorCodes.Invalid($"Tên đăng nhập '{taken.UserName}' đã tồn tại."), statusCode: StatusCodes.Status409Conflict);
        }

        // Each account hashes its password in its own grain, so a batch spreads over the cores.
        var registered = await Task.WhenAll(users.Select(u => grains.GetGrain<IUserGrain>(u.UserName!).RegisterAsync(new UserRegistration(
            new UserProfile(u.UserName!, u.DisplayName!.Trim(), admin.OrganizationId, u.Position?.Trim() ?? "", IsAdministrator: false)
                .WithRole(ParseRole(u.Role) ?? OrganizationRole.Member), u.Password!))));
        var created = users.Zip(registered).Where(x => x.Second.Ok).Select(x => x.First.UserName!).ToArray();
        var organization = grains.GetGrain<IOrganizationGrain>(admin.OrganizationId);
        var directory = grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key);
        foreach (var userName in created)
        {
            await organization.AddMemberAsync(userName);
            await directory.AddUserAsync(userName);
        }

        if (created.Length > 0)
        {
            await audit.RecordAsync(http, AuditKinds.UsersCreated, $"{created.Length} accounts: {string.Join(", ", created.Take(20))}{(created.Length > 20 ? ", …" : "")}");
        }

        return created.Length == users.Length
            ? Results.Json(new { organizationId = admin.OrganizationId, created }, statusCode: StatusCodes.Status201Created)
            : Results.Json(ErrorCodes.Invalid($"Đã tạo {created.Length}/{users.Length} tài khoản; các tên còn lại vừa bị người khác dùng."),
                statusCode: StatusCodes.Status409Conflict);
    }

    private static OrganizationRole? ParseRole(string? role) => (role ?? "member") switch
    {
        "member" => OrganizationRole.Member,
        "organizer" => OrganizationRole.Organizer,
        "administrator" => OrganizationRole.Administrator,
        _ => null,
    };

    private static string RoleName(OrganizationRole role) => role.ToString().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9.]{3,64}$")]
    private static partial Regex UserNamePattern();
}
