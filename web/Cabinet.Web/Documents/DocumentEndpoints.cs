using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Meetings;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Cabinet.Web.Api;
using Cabinet.Web.Hosting;
using Microsoft.Net.Http.Headers;

namespace Cabinet.Web.Documents;

/// <summary>
/// Upload of a meeting document (multipart: file, title, itemId, downloadAllowed, classified, documentId) and the
/// file of a version for the viewer (inline, the stored bytes) or as the person's marked copy (a download or a print,
/// <see cref="DocumentCopies"/>). Every request is authorized by the meeting grain; openings and copies go to the access log.
/// </summary>
public static class DocumentEndpoints
{
    /// <summary>Room for the multipart envelope and the form fields around the largest allowed file.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{organization}/{meeting}/documents")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, BearerTokenDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser());
        MapDocuments(group, group);
        return app;
    }

    /// <summary>The upload on <paramref name="writing"/>, the file on <paramref name="reading"/> (both at a meeting's <c>/documents</c>).</summary>
    internal static void MapDocuments(RouteGroupBuilder reading, RouteGroupBuilder writing)
    {
        writing.MapPost("", UploadAsync).DisableAntiforgery().WithTags("Documents")
            .WithSummary("Uploads a PDF as a new document or a new version (multipart: file, title, itemId, downloadAllowed, classified, documentId)")
            .Accepts<IFormFile>("multipart/form-data").Produces<DocumentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        reading.MapGet("/{documentId}/versions/{number:int}/file", FetchAsync).WithTags("Documents")
            .WithSummary("The PDF of one version of a document (?download=1 as an attachment)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadAsync(string organization, string meeting, HttpContext http, DocumentIntake intake)
    {
        if (CabinetClaims.ToActor(http.User) is not { } actor)
        {
            return ApiProblem.Of(ErrorCodes.NotSignedIn);
        }

        var (form, file, refusal) = await ReadUploadAsync(http, intake);
        if (refusal is not null)
        {
            return refusal;
        }

        var request = new DocumentUploadRequest(
            string.IsNullOrWhiteSpace(form!["documentId"]) ? null : form!["documentId"].ToString(),
            form!["title"].ToString(),
            string.IsNullOrWhiteSpace(form!["itemId"]) ? null : form!["itemId"].ToString(),
            IsTrue(form!["downloadAllowed"]),
            IsTrue(form!["classified"]));
        await using var content = file!.OpenReadStream();
        var added = await intake.AddAsync(actor, MeetingKey.Of(organization, meeting), content, request, http.RequestAborted);
        return added.Ok ? Results.Json(added.Value, statusCode: StatusCodes.Status201Created) : ApiProblem.Of(added.Error!);
    }

    /// <summary>The multipart form of an upload and its <c>file</c>, bounded by the largest allowed file; or the refusal to answer with.</summary>
    internal static async Task<(IFormCollection? Form, IFormFile? File, IResult? Refusal)> ReadUploadAsync(HttpContext http, DocumentIntake intake)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = intake.MaxFileBytes + EnvelopeBytes;
        }

        if (!http.Request.HasFormContentType)
        {
            return (null, null, ApiProblem.Of(ErrorCodes.DocumentFileRequired));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = intake.MaxFileBytes + EnvelopeBytes }, http.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return (null, null, ApiProblem.Of(ErrorCodes.From(DocumentErrors.TooLarge(intake.MaxFileBytes))));
        }

        return form.Files.GetFile("file") is { } file ? (form, file, null) : (form, null, ApiProblem.Of(ErrorCodes.DocumentFileRequired));
    }

    private static async Task<IResult> FetchAsync(
        string organization, string meeting, string documentId, int number, HttpContext http, IGrainFactory grains, IDocumentBlobStore blobs,
        DocumentCopies copies, TimeProvider clock)
    {
        var meetingId = MeetingKey.Of(organization, meeting);
        if (CabinetClaims.ToActor(http.User) is not { } actor)
        {
            return ApiProblem.Of(ErrorCodes.NotSignedIn);
        }

        if (!MeetingKey.IsValid(meetingId) || !DocumentKey.IsValid(documentId))
        {
            return ApiProblem.Of(ErrorCodes.DocumentNotFound);
        }

        var access = await grains.GetGrain<IMeetingGrain>(meetingId).GetDocumentAccessAsync(actor, documentId);
        if (!access.Ok)
        {
            return ApiProblem.Of(access.Error!);
        }

        var (role, document) = (access.Value!.Role, access.Value.Document);
        DocumentAccessKind? copy = http.Request.Query["copy"] == "print" ? DocumentAccessKind.Printed
            : http.Request.Query["download"] == "1" || IsBrowserNavigation(http.Request) ? DocumentAccessKind.Downloaded
            : null;
        if (document.Classified)
        {
            return ApiProblem.Of(ErrorCodes.DocumentClassified);
        }

        if (number < 1 || number > document.Versions.Length)
        {
            return ApiProblem.Of(ErrorCodes.DocumentVersionNotFound);
        }

        if (copy is not null && !MeetingPermissions.MayTakeCopy(role, document))
        {
            return ApiProblem.Of(ErrorCodes.DownloadForbidden);
        }

        var version = document.Versions[number - 1];
        var fileName = $"{document.Title}-v{number}.pdf";

        // Pre-reading: the secretary sees who has opened what (a first opening is written once, later ones cost a lookup).
        await grains.GetGrain<IDocumentReadingsGrain>(IAnnotationGrain.KeyOf(meetingId, documentId)).RecordAsync(actor.UserName, clock.GetUtcNow());
        if (copy is { } kind)
        {
            // A copy is the person's own: marked with their name and its id, never cached, never the stored bytes.
            var made = await copies.MakeAsync(actor, meetingId, document, version, kind, http.RequestAborted);
            if (!made.Ok)
            {
                return ApiProblem.Of(made.Error!);
            }

            http.Response.Headers.CacheControl = "no-store";
            InertFile.Describe(http.Response, fileName, download: true);
            return Results.File(made.Value!, "application/pdf");
        }

        if (await blobs.OpenAsync(version.Sha256, http.RequestAborted) is not { } stream)
        {
            return ApiProblem.Of(ErrorCodes.DocumentFileMissing);
        }

        if (http.Request.Headers.Range.Count == 0)
        {
            // One opening per whole read (the viewer's ranged reads of the same file are not openings of their own).
            grains.GetGrain<IDocumentAccessLogGrain>(meetingId).RecordOpenedAsync(
                new DocumentAccessInput(actor.UserName, actor.DisplayName, "", documentId, number, DocumentAccessKind.Opened)).Ignore();
        }

        // The URL names one immutable version: the browser keeps it but asks again (a 304) at each opening, so every
        // opening is in the access log; private because it is authorized content.
        http.Response.Headers.CacheControl = "private, no-cache";
        InertFile.Describe(http.Response, fileName, download: false);
        return Results.File(stream, "application/pdf", fileDownloadName: null,
            entityTag: new EntityTagHeaderValue($"\"{version.Sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>
    /// Cabinet's viewer reads files with fetch (Sec-Fetch-Dest: empty). Anything else a browser asks for — the file URL
    /// opened in a tab, a frame, an embed — would hand the PDF to the browser's own viewer, which runs the PDF's
    /// JavaScript whatever the CSP says: such a request is a download (and needs the download right), never shown inline.
    /// </summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        request.Headers["Sec-Fetch-Dest"] is { Count: > 0 } destination && destination != "empty";

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        bool.TryParse(value.ToString(), out var flag) ? flag : value == "1" || value == "on";
}
