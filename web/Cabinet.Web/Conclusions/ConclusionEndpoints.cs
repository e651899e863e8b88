using Cabinet.Identity;
using Cabinet.Web.Api;
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
        MapConclusions(app.MapGroup("/api/organizations/{organizationId}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()));
        return app;
    }

    /// <summary>The published conclusions, on an organisation's group.</summary>
    internal static void MapConclusions(RouteGroupBuilder organization)
    {
        organization.MapGet("/conclusions", async (string organizationId, int? year, int? page, HttpContext http,
            PublishedConclusions conclusions, TimeProvider clock) =>
        {
            if (CabinetClaims.ToActor(http.User) is not { } actor)
            {
                return ApiProblem.Of(Errors.ErrorCodes.NotSignedIn);
            }

            var read = await conclusions.ReadAsync(actor, organizationId, year ?? clock.GetUtcNow().Year, page ?? 1);
            return !read.Ok ? ApiProblem.Of(read.Error!) : Results.Json(new
            {
                read.Value!.Page, read.Value.PageCount, read.Value.Total,
                conclusions = read.Value.Conclusions.Select(c => new { c.MeetingTitle, c.MeetingDate, c.ItemTitle, c.Paragraphs, c.ApprovedAt, c.PublishedAt }),
            });
        }).WithTags("Conclusions").WithSummary("A page of the organisation's published conclusions (?year=&page=)").ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
