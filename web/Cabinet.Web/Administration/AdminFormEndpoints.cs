using Cabinet.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Cabinet.Web.Administration;

/// <summary>
/// The /admin page's form posts (antiforgery-checked, cookie only): the same <see cref="PeopleAdministration"/> actions
/// as the admin API, each answered by a redirect back to the organisation on /admin with what was done or refused.
/// (Adding people and the CSV import are handled by the page itself: their answers show temporary passwords once.)
/// </summary>
public static class AdminFormEndpoints
{
    public static IEndpointRouteBuilder MapAdminFormEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/admin").RequireAuthorization();
        forms.MapPost("/organizations", async ([FromForm] string? id, [FromForm] string? name, [FromForm] string? parentId, HttpContext http, PeopleAdministration people) =>
            Back(await people.CreateOrganizationAsync(http, id?.Trim().ToLowerInvariant(), name, parentId), parentId, "organization", id));
        forms.MapPost("/organizations/second-factor", async ([FromForm] string? organizationId, [FromForm] string? policy, HttpContext http, PeopleAdministration people) =>
            Back(OrganizationEndpoints.ParsePolicy(policy) is { } parsed
                ? await people.SetSecondFactorPolicyAsync(http, organizationId ?? "", parsed)
                : CommandResult.Refused(ErrorCodes.InvalidInput), organizationId, "policy"));
        forms.MapPost("/organizations/meeting-rules", async ([FromForm] string? organizationId, [FromForm] int? quorumNumerator, [FromForm] int? quorumDenominator,
            [FromForm] string? majority, [FromForm] int? majorityNumerator, [FromForm] int? majorityDenominator, [FromForm] bool? deputiesVote,
            [FromForm] int? reviewHours, HttpContext http, PeopleAdministration people) =>
            Back(await people.SetMeetingRulesAsync(http, organizationId ?? "", new MeetingRulesChange(new(quorumNumerator, quorumDenominator),
                new(majority, majorityNumerator, majorityDenominator), deputiesVote ?? false, reviewHours).ToRules()), organizationId, "rules"));
        // The row always posts e-mail and phone: an empty one clears it (ContactRules, as the API and the import).
        forms.MapPost("/people/update", async ([FromForm] string? organizationId, [FromForm] string? userName, [FromForm] string? displayName, [FromForm] string? position,
            [FromForm] string? email, [FromForm] string? phone, HttpContext http, PeopleAdministration people) =>
            Back(await people.UpdateAsync(http, userName ?? "", displayName, position, email?.Trim() ?? "", phone?.Trim() ?? ""), organizationId, "updated"));
        forms.MapPost("/people/role", async ([FromForm] string? organizationId, [FromForm] string? userName, [FromForm] string? role, HttpContext http, PeopleAdministration people) =>
            Back(await people.SetRoleAsync(http, userName ?? "", role), organizationId, "role"));
        forms.MapPost("/people/{action}", async (string action, [FromForm] string? organizationId, [FromForm] string? userName, [FromForm] string? password,
            HttpContext http, PeopleAdministration people) =>
            Back(await people.ActAsync(http, userName ?? "", action, password) is { Ok: false } refused
                ? CommandResult.Refused(refused.Error!) : CommandResult.Accepted(0), organizationId, action));
        forms.MapPost("/webhooks/{action}", async (string action, [FromForm] string? organizationId, [FromForm] string? subscriptionId,
            HttpContext http, Integration.WebhookAdministration webhooks) =>
            Back(action switch
            {
                "delete" => await webhooks.UnsubscribeAsync(http, organizationId ?? "", subscriptionId ?? ""),
                "enable" or "disable" => await webhooks.SetEnabledAsync(http, organizationId ?? "", subscriptionId ?? "", action == "enable"),
                _ => CommandResult.Refused(ErrorCodes.InvalidInput),
            }, organizationId, "webhook"));
        return app;
    }

    /// <summary>Back to the organisation on /admin; a refusal's code goes along (the page says it in Vietnamese).</summary>
    private static IResult Back(CommandResult result, string? organizationId, string done, string? select = null) =>
        Results.LocalRedirect($"/admin?org={Uri.EscapeDataString(result.Ok && select is not null ? select : organizationId ?? "")}"
            + (result.Ok ? $"&done={done}" : $"&error={Uri.EscapeDataString(result.Error!.Code)}&detail={Uri.EscapeDataString(result.Error.Message)}"));
}
