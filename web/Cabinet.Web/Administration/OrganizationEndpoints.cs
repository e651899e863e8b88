using Cabinet.Web.Api;
using Cabinet.Identity;
using Cabinet.People;
using Cabinet.Web.Identity;

namespace Cabinet.Web.Administration;

/// <summary>
/// The admin API for organisations (docs/identity.md): the tree an administrator administers, a new organisation
/// under one of them, its second-factor policy, its meeting rules, its people, and the CSV import of people.
/// </summary>
public static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/api/admin/organizations").ForAdministrators().DisableAntiforgery();
        organizations.MapGet("", async (HttpContext http, OrganizationTree tree) =>
            Results.Json((await tree.AdministeredAsync(CabinetClaims.ToActor(http.User)!)).Select(n => new
            {
                id = n.Profile.Id, name = n.Profile.Name, parentId = n.Profile.ParentId, depth = n.Depth, secondFactor = PolicyName(n.SecondFactor),
            })))
            .WithTags("Administration").WithSummary("The organisations the caller administers, as a tree").ProducesProblem(StatusCodes.Status400BadRequest);
        organizations.MapPost("", async (NewOrganization? organization, HttpContext http, PeopleAdministration people) =>
            ApiProblem.Of(await people.CreateOrganizationAsync(http, organization?.Id, organization?.Name, organization?.ParentId),
                () => Results.Json(new { id = organization!.Id, name = organization.Name!.Trim(), parentId = organization.ParentId }, statusCode: StatusCodes.Status201Created)))
            .WithTags("Administration").WithSummary("Creates an organisation under an administered one").ProducesProblem(StatusCodes.Status400BadRequest);
        organizations.MapPut("/{organizationId}/second-factor", async (string organizationId, SecondFactorChange? change, HttpContext http, PeopleAdministration people) =>
            ParsePolicy(change?.Policy) is not { } policy
                ? ApiProblem.Of(Errors.ErrorCodes.Invalid("Chính sách phải là administrators, administrators_and_organizers hoặc optional."))
                : ApiProblem.Of(await people.SetSecondFactorPolicyAsync(http, organizationId, policy), () => Results.Json(new { organizationId, policy = change!.Policy })))
            .WithTags("Administration").WithSummary("Sets whom sign-in asks for a second factor").ProducesProblem(StatusCodes.Status400BadRequest);
        organizations.MapGet("/{organizationId}/meeting-rules", async (string organizationId, HttpContext http, PeopleAdministration people) =>
            ApiProblem.Of(await people.MeetingRulesAsync(http, organizationId), rules => Results.Json(MeetingRulesChange.Show(rules))))
            .WithTags("Administration").WithSummary("The organisation's meeting rules (quorum, majority)").ProducesProblem(StatusCodes.Status400BadRequest);
        organizations.MapPut("/{organizationId}/meeting-rules", async (string organizationId, MeetingRulesChange? change, HttpContext http, PeopleAdministration people) =>
            ApiProblem.Of(await people.SetMeetingRulesAsync(http, organizationId, change?.ToRules()), () => Results.Json(MeetingRulesChange.Show(change!.ToRules()!))))
            .WithTags("Administration").WithSummary("Sets the organisation's meeting rules").ProducesProblem(StatusCodes.Status400BadRequest);
        organizations.MapGet("/{organizationId}/people", async (string organizationId, HttpContext http, PeopleAdministration people) =>
            ApiProblem.Of(await people.PeopleAsync(http, organizationId), list => Results.Json(list.Select(Show))))
            .WithTags("Administration").WithSummary("The organisation's people and their account state").ProducesProblem(StatusCodes.Status400BadRequest);

        // The body is the CSV itself (text/csv) or a form with the file in "file".
        organizations.MapPost("/{organizationId}/people.csv", async (string organizationId, HttpContext http, PeopleAdministration people) =>
        {
            var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted)).Files.GetFile("file") : null;
            await using var body = file?.OpenReadStream() ?? http.Request.Body;
            var rows = await PeopleCsv.ReadAsync(body, http.RequestAborted);
            return !rows.Ok ? ApiProblem.Of(rows.Error!)
                : ApiProblem.Of(await people.ImportAsync(http, organizationId, rows.Value), report => Results.Json(new
                {
                    created = report.Count(r => r.Ok), refused = report.Count(r => !r.Ok), rows = report,
                }));
        }).WithTags("Administration").WithSummary("Imports people from CSV (a report per row)").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PeopleCsv.MaxBytes + 64 * 1024));
        return app;
    }

    /// <summary>A person as the admin API shows them.</summary>
    internal static object Show(AccountStatus p) => new
    {
        p.Profile.UserName, p.Profile.DisplayName, p.Profile.Position, role = OrganizationRoles.Name(p.Profile.Role), p.Profile.Email, p.Profile.Phone,
        p.Disabled, p.Throttled, p.MustChangePassword, secondFactor = p.SecondFactorEnrolled,
    };

    public static string PolicyName(SecondFactorPolicy policy) => policy switch
    {
        SecondFactorPolicy.AdministratorsAndOrganizers => "administrators_and_organizers",
        SecondFactorPolicy.Optional => "optional",
        _ => "administrators",
    };

    public static SecondFactorPolicy? ParsePolicy(string? name) =>
        Enum.GetValues<SecondFactorPolicy>().Cast<SecondFactorPolicy?>().FirstOrDefault(p => PolicyName(p!.Value) == name);
}
