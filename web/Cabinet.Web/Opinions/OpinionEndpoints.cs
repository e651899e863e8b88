using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Opinions;
using Cabinet.People;
using Cabinet.Web.Documents;
using Cabinet.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Net.Http.Headers;

using Cabinet.Web.Api;

namespace Cabinet.Web.Opinions;

/// <summary>
/// An opinion ballot's files: a document uploaded to a draft (multipart: file, name; checked like a meeting's, through
/// <see cref="DocumentIntake"/>), a document's bytes for those who may see the ballot, and the consolidated report and
/// its archive once closed. Every request is authorized by the ballot's grain.
/// </summary>
public static class OpinionEndpoints
{
    public static IEndpointRouteBuilder MapOpinionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/opinions/{organization}/{ballot}").RequireAuthorization(Invitations.InvitationEndpoints.SignedIn).WithTags("Opinion ballots");
        group.MapPost("/documents", UploadAsync).DisableAntiforgery()
            .WithSummary("Attaches a PDF to a draft opinion ballot (multipart: file, title); the office only")
            .Accepts<IFormFile>("multipart/form-data").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/documents/{sha256}", FetchAsync).WithSummary("A document of the opinion ballot, by its SHA-256")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        MapReportFiles(group);
        app.MapGet("/api/meetings/{organization}/{meeting}/agenda/{item}/opinion-report.pdf", MeetingReportAsync)
            .RequireAuthorization(Invitations.InvitationEndpoints.SignedIn).WithTags("Opinion ballots")
            .WithSummary("The consolidated report of the opinion ballot attached to an agenda item, for whoever may read the meeting")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The report and the archive of a closed ballot, on a ballot's group (here and in the REST API v1).</summary>
    internal static void MapReportFiles(RouteGroupBuilder group)
    {
        group.MapGet("/report.pdf", (string organization, string ballot, HttpContext http, IGrainFactory grains) =>
            ReportFileAsync(organization, ballot, http, grains, (g, a) => g.GetReportAsync(a), "application/pdf", $"bao-cao-tong-hop-y-kien-{ballot}.pdf"))
            .WithSummary("The signed consolidated report of a closed opinion ballot")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/archive.zip", (string organization, string ballot, HttpContext http, IGrainFactory grains) =>
            ReportFileAsync(organization, ballot, http, grains, (g, a) => g.GetArchiveAsync(a), "application/zip", $"ho-so-lay-y-kien-{ballot}.zip"))
            .WithSummary("The sealed archive of a closed opinion ballot (report, ledger, documents, signed manifest)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The meeting decides (its readers, the item's attached outcome); the report is read by the hash it holds.</summary>
    private static async Task<IResult> MeetingReportAsync(string organization, string meeting, string item, HttpContext http, IGrainFactory grains, IDocumentBlobStore blobs)
    {
        var meetingId = Meetings.MeetingKey.Of(organization, meeting);
        if (CabinetClaims.ToActor(http.User) is not { } actor || !Meetings.MeetingKey.IsValid(meetingId))
        {
            return ApiProblem.Of(ErrorCodes.InvalidMeetingId);
        }

        var outcome = await grains.GetGrain<Meetings.IMeetingGrain>(meetingId).GetOpinionOutcomeAsync(actor, item);
        if (!outcome.Ok)
        {
            return ApiProblem.Of(outcome.Error!);
        }

        if (await blobs.OpenAsync(outcome.Value!.ReportSha256, http.RequestAborted) is not { } stream)
        {
            return ApiProblem.Of(ErrorCodes.OpinionReportNotReady);
        }

        InertFile.Describe(http.Response, $"bao-cao-tong-hop-y-kien-{item}.pdf", download: true);
        return Results.File(stream, "application/pdf");
    }

    private static async Task<IResult> UploadAsync(string organization, string ballot, HttpContext http, IGrainFactory grains, DocumentIntake intake)
    {
        var key = OpinionKey.Of(organization, ballot);
        if (CabinetClaims.ToActor(http.User) is not { } actor || !OpinionKey.IsValid(key))
        {
            return ApiProblem.Of(OpinionKey.IsValid(key) ? ErrorCodes.NotSignedIn : ErrorCodes.OpinionNotFound);
        }

        // Only the office, only a draft: checked before any byte is stored (the grain checks again when attaching).
        var grain = grains.GetGrain<IOpinionBallotGrain>(key);
        var view = await grain.GetAsync(actor);
        var refusal = !view.Ok ? view.Error!
            : !OpinionPermissions.IsOffice(actor, view.Value!.OrganizationId) ? ErrorCodes.NotOpinionOffice
            : view.Value.Status != OpinionStatus.Draft ? ErrorCodes.OpinionIllegalStep
            : null;
        if (refusal is not null)
        {
            return ApiProblem.Of(refusal);
        }

        var (form, file, unreadable) = await DocumentEndpoints.ReadUploadAsync(http, intake);
        if (unreadable is not null)
        {
            return unreadable;
        }

        await using var content = file!.OpenReadStream();
        var stored = await intake.StoreCheckedAsync(actor, key, content, http.RequestAborted);
        if (!stored.Ok)
        {
            return ApiProblem.Of(stored.Error!);
        }

        var name = string.IsNullOrWhiteSpace(form!["name"]) ? Path.GetFileNameWithoutExtension(file.FileName) : form["name"].ToString();
        var attached = await grain.AttachDocumentAsync(actor, name, stored.Value!.Sha256, stored.Value.Bytes);
        return attached.Ok ? Results.Json(attached, statusCode: StatusCodes.Status201Created) : ApiProblem.Of(attached.Error!);
    }

    private static async Task<IResult> FetchAsync(string organization, string ballot, string sha256, HttpContext http, IGrainFactory grains, IDocumentBlobStore blobs)
    {
        var key = OpinionKey.Of(organization, ballot);
        if (CabinetClaims.ToActor(http.User) is not { } actor || !OpinionKey.IsValid(key))
        {
            return ApiProblem.Of(ErrorCodes.OpinionNotFound);
        }

        var documents = await grains.GetGrain<IOpinionBallotGrain>(key).GetDocumentsAsync(actor);
        if (!documents.Ok)
        {
            return ApiProblem.Of(documents.Error!);
        }

        if (documents.Value!.LastOrDefault(d => d.Sha256 == sha256) is not { } document
            || await blobs.OpenAsync(document.Sha256, http.RequestAborted) is not { } stream)
        {
            return ApiProblem.Of(ErrorCodes.DocumentNotFound);
        }

        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        InertFile.Describe(http.Response, $"{document.Name}-v{document.Version}.pdf", download: http.Request.Headers["Sec-Fetch-Dest"] is { Count: > 0 } d && d != "empty");
        return Results.File(stream, "application/pdf", fileDownloadName: null, entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> ReportFileAsync(
        string organization, string ballot, HttpContext http, IGrainFactory grains, Func<IOpinionBallotGrain, Actor, Task<Result<byte[]>>> read, string contentType, string fileName)
    {
        var key = OpinionKey.Of(organization, ballot);
        if (CabinetClaims.ToActor(http.User) is not { } actor || !OpinionKey.IsValid(key))
        {
            return ApiProblem.Of(ErrorCodes.OpinionNotFound);
        }

        var file = await read(grains.GetGrain<IOpinionBallotGrain>(key), actor);
        if (!file.Ok)
        {
            return ApiProblem.Of(file.Error!);
        }

        InertFile.Describe(http.Response, fileName, download: true);
        return Results.File(file.Value!, contentType);
    }
}
