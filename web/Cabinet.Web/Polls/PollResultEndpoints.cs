using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Web.Api;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cabinet.Web.Polls;

/// <summary>
/// A closed poll's signed result as files — the canonical JSON document and its detached CMS signature (.p7s) — for those
/// who may see the meeting; what <c>openssl cms -verify</c> checks. The meeting page links here rather than carrying them.
/// </summary>
public static class PollResultEndpoints
{
    public static IEndpointRouteBuilder MapPollResultEndpoints(this IEndpointRouteBuilder app)
    {
        MapResults(app.MapGroup("/api/meetings/{organization}/{meeting}/polls/{poll}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()));
        return app;
    }

    /// <summary>The signed result files, on a poll's group (<c>…/polls/{poll}</c>).</summary>
    internal static void MapResults(RouteGroupBuilder group)
    {
        group.MapGet("/result.json", async (string organization, string meeting, string poll, HttpContext http, IGrainFactory grains) =>
        {
            var result = await ResultOf(organization, meeting, poll, http, grains);
            if (result.Value is not { } signed)
            {
                return result.Refusal!;
            }

            InertFile.Describe(http.Response, $"ket-qua-{poll}.json", download: true);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(signed.DocumentJson), "application/json");
        }).WithTags("Polls").WithSummary("A closed poll's signed result document (canonical JSON)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/result.p7s", async (string organization, string meeting, string poll, HttpContext http, IGrainFactory grains) =>
        {
            var result = await ResultOf(organization, meeting, poll, http, grains);
            if (result.Value is not { } signed)
            {
                return result.Refusal!;
            }

            InertFile.Describe(http.Response, $"ket-qua-{poll}.p7s", download: true);
            return Results.File(Convert.FromBase64String(signed.SignatureBase64), "application/pkcs7-signature");
        }).WithTags("Polls").WithSummary("The detached CMS signature of a poll's result (openssl cms -verify)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pkcs7-signature").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<(SignedPollResult? Value, IResult? Refusal)> ResultOf(string organization, string meeting, string poll, HttpContext http, IGrainFactory grains)
    {
        var meetingId = MeetingKey.Of(organization, meeting);
        if (!MeetingKey.IsValid(meetingId) || CabinetClaims.ToActor(http.User) is not { } actor)
        {
            return (null, ApiProblem.Of(ErrorCodes.InvalidMeetingId));
        }

        var result = await grains.GetGrain<IMeetingGrain>(meetingId).GetPollResultAsync(actor, poll);
        if (result.Ok)
        {
            return (result.Value, null);
        }

        return (null, ApiProblem.Of(result.Error!));
    }
}
