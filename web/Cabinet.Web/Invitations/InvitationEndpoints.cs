using System.Text;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.Web.Api;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Invitations;

/// <summary>The caller's own invitation to a meeting as an .ics file (any participant, even before they take part).</summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        MapInvitation(app.MapGroup("/api/meetings/{organization}/{meeting}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()));
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
}
