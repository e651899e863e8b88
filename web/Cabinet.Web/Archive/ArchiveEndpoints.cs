using Cabinet.Closing;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Meetings;
using Cabinet.Web.Api;
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
        MapArchives(app.MapGroup("/api/meetings/{organization}/{meeting}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()));
        return app;
    }

    /// <summary>The archive, the signed minutes and the draft minutes, on a meeting's group.</summary>
    internal static void MapArchives(RouteGroupBuilder group)
    {
        group.MapGet("/archive.zip", async (string organization, string meeting, HttpContext http, IGrainFactory grains, IArchiveStore store) =>
        {
            var archive = await ArchiveOf(organization, meeting, http, grains, store);
            if (archive.Bytes is null)
            {
                return archive.Refusal;
            }

            InertFile.Describe(http.Response, $"luu-tru-{organization}-{meeting}.zip", download: true);
            return Results.File(archive.Bytes, "application/zip");
        }).WithTags("Archives").WithSummary("The sealed archive of a closed meeting (zip)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblem(StatusCodes.Status404NotFound);
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
        }).WithTags("Archives").WithSummary("The signed minutes from the sealed archive")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/minutes-draft.pdf", async (string organization, string meeting, HttpContext http, IGrainFactory grains, IDocumentBlobStore blobs) =>
        {
            var (snapshot, refusal) = await SnapshotOf(organization, meeting, http, grains);
            if (snapshot is null)
            {
                return refusal;
            }

            if (snapshot.Minutes is not { } minutes || await blobs.OpenAsync(minutes.Sha256) is not { } pdf)
            {
                return ApiProblem.Of(ErrorCodes.MinutesNotReady);
            }

            InertFile.Describe(http.Response, $"du-thao-bien-ban-{organization}-{meeting}-{minutes.Revision}.pdf", download: true);
            return Results.Stream(pdf, "application/pdf");
        }).WithTags("Archives").WithSummary("The minutes as they stand (draft under review, then with each signature)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<(byte[]? Bytes, IResult Refusal)> ArchiveOf(string organization, string meeting, HttpContext http, IGrainFactory grains, IArchiveStore store)
    {
        var (snapshot, refusal) = await SnapshotOf(organization, meeting, http, grains);
        if (snapshot is null)
        {
            return (null, refusal);
        }

        var bytes = snapshot.Archive is null ? null : await store.GetAsync(snapshot.MeetingId);
        return (bytes, ApiProblem.Of(ErrorCodes.NotArchived));
    }

    /// <summary>The meeting as the caller may see it, or the refusal to answer with.</summary>
    private static async Task<(MeetingSnapshot? Snapshot, IResult Refusal)> SnapshotOf(string organization, string meeting, HttpContext http, IGrainFactory grains)
    {
        var meetingId = MeetingKey.Of(organization, meeting);
        if (!MeetingKey.IsValid(meetingId) || CabinetClaims.ToActor(http.User) is not { } actor)
        {
            return (null, ApiProblem.Of(ErrorCodes.InvalidMeetingId));
        }

        var snapshot = await grains.GetGrain<IMeetingGrain>(meetingId).GetSnapshotAsync(actor);
        if (!snapshot.Ok)
        {
            return (null, ApiProblem.Of(snapshot.Error!));
        }

        return (snapshot.Value, Results.Empty);
    }
}
