using Cabinet.Closing;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.IO.Compression;

namespace Cabinet.Web.Archive;

/// <summary>
/// Downloads of a closed meeting's minutes as they stand (the draft under review, then with each signature) and of its
/// sealed archive and signed minutes, for those who may see the meeting.
/// </summary>
public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{organization}/{meeting}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
        group.MapGet("/archive.zip", async (string organization, string meeting, HttpContext http, IGrainFactory grains, IArchiveStore store) =>
        {
            var archive = await ArchiveOf(organization, meeting, http, grains, store);
            if (archive.Bytes is null)
            {
                return archive.Refusal;
            }

            InertFile.Describe(http.Response, $"luu-tru-{organization}-{meeting}.zip", download: true);
            return Results.File(archive.Bytes, "application/zip");
        });
        group.MapGet("/minutes.pdf", async (string organization, string meeting, HttpContext http, IGrainFactory grains, IArchiveStore store) =>
        {
            var archive = await ArchiveOf(organization, meeting, http, grains, store);
            if (archive.Bytes is null)
            {
                return archive.Refusal;
            }

            using var zip = new ZipArchive(new MemoryStream(archive.Bytes), ZipArchiveMode.Read);
            await using var minutes = zip.GetEntry("minutes.pdf")!.Open();
            var copy = new MemoryStream();
            await minutes.CopyToAsync(copy);
            InertFile.Describe(http.Response, $"bien-ban-{organization}-{meeting}.pdf", download: true);
            return Results.File(copy.ToArray(), "application/pdf");
        });
        group.MapGet("/minutes-draft.pdf", async (string organization, string meeting, HttpContext http, IGrainFactory grains, IDocumentBlobStore blobs) =>
        {
            var (snapshot, refusal) = await SnapshotOf(organization, meeting, http, grains);
            if (snapshot is null)
            {
                return refusal;
            }

            if (snapshot.Minutes is not { } minutes || await blobs.OpenAsync(minutes.Sha256) is not { } pdf)
            {
                return Results.Json(ErrorCodes.MinutesNotReady, statusCode: StatusCodes.Status404NotFound);
            }

            InertFile.Describe(http.Response, $"du-thao-bien-ban-{organization}-{meeting}-{minutes.Revision}.pdf", download: true);
            return Results.Stream(pdf, "application/pdf");
        });
        return app;
    }

    private static async Task<(byte[]? Bytes, IResult Refusal)> ArchiveOf(string organization, string meeting, HttpContext http, IGrainFactory grains, IArchiveStore store)
    {
        var (snapshot, refusal) = await SnapshotOf(organization, meeting, http, grains);
        if (snapshot is null)
        {
            return (null, refusal);
        }

        var bytes = snapshot.Archive is null ? null : await store.GetAsync(snapshot.MeetingId);
        return (bytes, Results.Json(ErrorCodes.NotArchived, statusCode: StatusCodes.Status404NotFound));
    }

    /// <summary>The meeting as the caller may see it, or the refusal to answer with (400, 403 or 404).</summary>
    private static async Task<(MeetingSnapshot? Snapshot, IResult Refusal)> SnapshotOf(string organization, string meeting, HttpContext http, IGrainFactory grains)
    {
        var meetingId = MeetingKey.Of(organization, meeting);
        if (!MeetingKey.IsValid(meetingId) || CabinetClaims.ToActor(http.User) is not { } actor)
        {
            return (null, Results.Json(ErrorCodes.InvalidMeetingId, statusCode: StatusCodes.Status400BadRequest));
        }

        var snapshot = await grains.GetGrain<IMeetingGrain>(meetingId).GetSnapshotAsync(actor);
        if (!snapshot.Ok)
        {
            var status = snapshot.Error!.Code == ErrorCodes.Forbidden.Code ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            return (null, Results.Json(snapshot.Error, statusCode: status));
        }

        return (snapshot.Value, Results.Empty);
    }
}
