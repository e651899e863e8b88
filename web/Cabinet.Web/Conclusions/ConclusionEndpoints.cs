using Cabinet.Identity;
using Cabinet.Web.Documents;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Conclusions;

/// <summary>
/// <c>GET /api/organizations/{id}/conclusions?year=&amp;page=</c>: a page of the organisation's published conclusions
/// (text, item and meeting titles, meeting date, approval and publication times — no meeting id, documents or ballots).
/// </summary>
public static class ConclusionEndpoints
{
    public static IEndpointRouteBuilder MapConclusionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/organizations/{organizationId}/conclusions", async (string organizationId, int? year, int? page, HttpContext http,
            PublishedConclusions conclusions, TimeProvider clock) =>
        {
            if (CabinetClaims.ToActor(http.User) is not { } actor)
            {
                return DocumentEndpoints.Refuse(Errors.ErrorCodes.NotSignedIn);
            }

            var read = await conclusions.ReadAsync(actor, organizationId, year ?? clock.GetUtcNow().Year, page ?? 1);
            return !read.Ok ? DocumentEndpoints.Refuse(read.Error!) : Results.Json(new
            {
                read.Value!.Page, read.Value.PageCount, read.Value.Total,
                conclusions = read.Value.Conclusions.Select(c => new { c.MeetingTitle, c.MeetingDate, c.ItemTitle, c.Paragraphs, c.ApprovedAt, c.PublishedAt }),
            });
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        return app;
    }
}
