using Cabinet.Identity;
using Cabinet.People;
using Cabinet.Web.Administration;
using Cabinet.Web.Identity;

namespace Cabinet.Web.Api;

/// <summary>
/// <c>/api/v1/organization</c> and <c>/api/v1/people</c>: the caller's organisation, and its people for its
/// administrators or clients with <c>people:*</c>. The same administration the admin API and /admin use.
/// </summary>
public static class PeopleResources
{
    public static RouteGroupBuilder MapPeopleResources(this RouteGroupBuilder api)
    {
        api.MapGet("/organization", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IOrganizationGrain>(Caller(http).OrganizationId).GetProfileAsync() is { } profile
                ? Results.Json(profile) : ApiProblem.Of(Errors.ErrorCodes.OrganizationNotFound))
            .AllowClients(null).WithTags("Organisations").WithSummary("The caller's organisation").Produces<OrganizationProfile>();

        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("", async (int? size, string? page, HttpContext http, PeopleAdministration administration) =>
            {
                var (pageSize, offset) = (ApiPaging.Size(size), ApiPaging.Offset(page));
                if (!pageSize.Ok || !offset.Ok)
                {
                    return ApiProblem.Of(pageSize.Error ?? offset.Error!);
                }

                return ApiProblem.Of(await administration.PeopleAsync(http, Caller(http).OrganizationId), all => ApiPaging.Page(http.Request,
                    all.Skip(offset.Value).Take(pageSize.Value).Select(OrganizationEndpoints.Show),
                    offset.Value + pageSize.Value < all.Length ? (offset.Value + pageSize.Value).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    pageSize.Value));
            })
            .AllowClients(IntegrationScopes.PeopleRead).WithSummary("The organisation's people, a page at a time").Produces<ApiPage<object>>();
        people.MapPost("", (NewUser[]? users, HttpContext http, PeopleAdministration administration) =>
                AdminEndpoints.CreateAsync(http, administration, Caller(http).OrganizationId, users))
            .AllowClients(IntegrationScopes.PeopleWrite).WithSummary("Creates accounts in the organisation (1–500)").Produces(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
        people.MapPut("/{userName}", async (string userName, ProfileChange? change, HttpContext http, PeopleAdministration administration) =>
                ApiProblem.Of(await administration.UpdateAsync(http, userName, change?.DisplayName, change?.Position), () => Results.Json(new { userName })))
            .AllowClients(IntegrationScopes.PeopleWrite).WithSummary("Changes a person's display name and position").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Actor Caller(HttpContext http) => CabinetClaims.ToActor(http.User)!;
}
