using System.Text;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.Web.Api;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Invitations;

/// <summary>
/// The caller's own invitation to a meeting as an .ics file (any participant, even before they take part), and their
/// calendar feed: signed in at /api/me/calendar.ics, or by its secret address for calendar apps.
/// </summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        MapInvitation(app.MapGroup("/api/meetings/{organization}/{meeting}").RequireAuthorization(SignedIn));
        app.MapGet("/api/me/calendar.ics", async (HttpContext http, CalendarFeed feed) =>
            CabinetClaims.ToActor(http.User) is { } actor ? Calendar(http, await feed.WriteAsync(actor)) : ApiProblem.Of(Errors.ErrorCodes.NotSignedIn))
            .RequireAuthorization(SignedIn).WithTags("Calendar").WithSummary("The caller's meetings as an iCalendar feed")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").ProducesProblem(StatusCodes.Status401Unauthorized);

        // For calendar apps, which cannot sign in: the secret in the address is the credential (rotated or revoked on /devices).
        app.MapGet("/calendar/{token}.ics", async (string token, IGrainFactory grains, CalendarFeed feed, HttpContext http) =>
            await OwnerAsync(grains, token) is { } owner ? Calendar(http, await feed.WriteAsync(owner)) : ApiProblem.Of(Errors.ErrorCodes.CalendarFeedNotFound));

        var mine = app.MapGroup("/api/me/calendar-feed").RequireAuthorization(SignedIn).DisableAntiforgery();
        mine.MapPost("", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<People.IUserGrain>(CabinetClaims.ToActor(http.User)!.UserName).RotateCalendarFeedAsync() is { } token
                ? Results.Json(new { url = $"{http.Request.Scheme}://{http.Request.Host}{FeedPath(token)}" }, statusCode: StatusCodes.Status201Created)
                : ApiProblem.Of(Errors.ErrorCodes.UnknownUser))
            .WithTags("Calendar").WithSummary("Makes (or replaces) the caller's secret calendar-feed address").ProducesProblem(StatusCodes.Status401Unauthorized);
        mine.MapDelete("", async (HttpContext http, IGrainFactory grains) =>
        {
            await grains.GetGrain<People.IUserGrain>(CabinetClaims.ToActor(http.User)!.UserName).RevokeCalendarFeedAsync();
            return Results.NoContent();
        }).WithTags("Calendar").WithSummary("Stops the caller's secret calendar-feed address").ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>The caller's invitation, on a meeting's group (people only: a client is invited to nothing).</summary>
    internal static void MapInvitation(RouteGroupBuilder meeting)
    {
        meeting.MapGet("/invitation.ics", async (string organization, string meeting, HttpContext http, IGrainFactory grains, TimeProvider clock) =>
        {
            var meetingId = MeetingKey.Of(organization, meeting);
            if (CabinetClaims.ToActor(http.User) is not { } actor)
            {
                return ApiProblem.Of(Errors.ErrorCodes.NotSignedIn);
            }

            if (!MeetingKey.IsValid(meetingId))
            {
                return ApiProblem.Of(Errors.ErrorCodes.InvalidMeetingId);
            }

            var invitation = await grains.GetGrain<IMeetingGrain>(meetingId).GetInvitationAsync(actor);
            if (!invitation.Ok)
            {
                return ApiProblem.Of(invitation.Error!);
            }

            InertFile.Describe(http.Response, $"moi-hop-{organization}-{meeting}.ics", download: true);
            return Results.Bytes(Encoding.UTF8.GetBytes(IcsWriter.Write(invitation.Value!, actor.DisplayName, clock.GetUtcNow())), "text/calendar; charset=utf-8");
        }).WithTags("Meetings").WithSummary("The caller's own invitation to the meeting as an iCalendar file")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static string FeedPath(string token) => $"/calendar/{token}.ics";

    /// <summary>A person signed in with the browser's cookie or an app's bearer token (the endpoints that serve files to both).</summary>
    public static void SignedIn(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme).RequireAuthenticatedUser();

    private static IResult Calendar(HttpContext http, string ics)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Bytes(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }

    /// <summary>The feed's owner as an actor, while the token is current and the account enabled.</summary>
    private static async Task<People.Actor?> OwnerAsync(IGrainFactory grains, string token)
    {
        if (People.CalendarFeedToken.Hash(token) is not { } hash || await grains.GetGrain<People.ICalendarFeedGrain>(hash).GetOwnerAsync() is not { } userName)
        {
            return null;
        }

        var user = grains.GetGrain<People.IUserGrain>(userName);
        return await user.IsDisabledAsync() ? null : (await user.GetProfileAsync())?.ToActor();
    }
}
