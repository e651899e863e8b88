using System.Text;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.Web.Documents;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Invitations;

/// <summary>The caller's own invitation to a meeting as an .ics file (any participant, even before they take part).</summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/meetings/{organization}/{meeting}/invitation.ics", async (string organization, string meeting, HttpContext http, IGrainFactory grains, TimeProvider clock) =>
        {
            var meetingId = MeetingKey.Of(organization, meeting);
            if (CabinetClaims.ToActor(http.User) is not { } actor)
            {
                return DocumentEndpoints.Refuse(Errors.ErrorCodes.NotSignedIn);
            }

            if (!MeetingKey.IsValid(meetingId))
            {
                return DocumentEndpoints.Refuse(Errors.ErrorCodes.InvalidMeetingId);
            }

            var invitation = await grains.GetGrain<IMeetingGrain>(meetingId).GetInvitationAsync(actor);
            if (!invitation.Ok)
            {
                return DocumentEndpoints.Refuse(invitation.Error!);
            }

            InertFile.Describe(http.Response, $"moi-hop-{organization}-{meeting}.ics", download: true);
            return Results.Bytes(Encoding.UTF8.GetBytes(IcsWriter.Write(invitation.Value!, actor.DisplayName, clock.GetUtcNow())), "text/calendar; charset=utf-8");
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        return app;
    }
}
