using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.Web.Documents;
using Cabinet.Web.Api;
using Cabinet.Web.Hosting;

namespace Cabinet.Web.Exports;

/// <summary>
/// <c>/api/meetings/{organization}/{meeting}/export/{attendance|votes|speeches|conclusions}.{csv|xlsx}</c> and
/// <c>…/export/meeting.json</c>, for those who prepare or run the meeting (the grain decides).
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/meetings/{organization}/{meeting}/export/{part}.{format}", async (
            string organization, string meeting, string part, string format, HttpContext http, MeetingExports exports) =>
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

            if (part == "meeting" && format == "json")
            {
                return new JsonExport(exports, actor, meetingId, $"cuoc-hop-{meeting}.json");
            }

            if (!MeetingExports.Tables.Contains(part) || format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }

            var table = await exports.TableAsync(actor, meetingId, part);
            if (!table.Ok)
            {
                return ApiProblem.Of(table.Error!);
            }

            InertFile.Describe(http.Response, $"{part}-{meeting}.{format}", download: true);
            if (format == "xlsx")
            {
                return Results.Bytes(await XlsxExport.WriteAsync(table.Value!, http.RequestAborted), XlsxExport.ContentType);
            }

            return Results.Stream(output => CsvExport.WriteAsync(table.Value!, output, http.RequestAborted), CsvExport.ContentType);
        }).RequireAuthorization(Invitations.InvitationEndpoints.SignedIn)
            .WithTags("Meetings").WithSummary("A meeting's attendance, named votes, speeches or conclusions as CSV or XLSX, or the whole meeting as JSON")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The JSON is streamed; a refusal is known before the first byte (the grain is asked first).</summary>
    private sealed class JsonExport(MeetingExports exports, People.Actor actor, string meetingId, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var refusal = await exports.WriteJsonAsync(actor, meetingId, () =>
            {
                InertFile.Describe(http.Response, fileName, download: true);
                http.Response.ContentType = "application/json; charset=utf-8";
                return http.Response.Body;
            }, http.RequestAborted);
            if (refusal is not null)
            {
                await ApiProblem.Of(refusal).ExecuteAsync(http);
            }
        }
    }
}
