using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.Meetings;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Cabinet.Web.Hosting;
using Microsoft.Net.Http.Headers;

namespace Cabinet.Web.Documents;

/// <summary>
/// Upload of a meeting document (multipart: file, title, itemId, downloadAllowed, classified, documentId) and the
/// file of a version for the viewer (inline) or as a download. Every request is authorized by the meeting grain.
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
        group.MapPost("", UploadAsync).DisableAntiforgery();
        group.MapGet("/{documentId}/versions/{number:int}/file", FetchAsync);
        return app;
    }

    private static async Task<IResult> UploadAsync(string organization, string meeting, HttpContext http, DocumentIntake intake)
    {
        if (CabinetClaims.ToActor(http.User) is not { } actor)
        {
            return Refuse(ErrorCodes.NotSignedIn);
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
        return added.Ok ? Results.Json(added.Value, statusCode: StatusCodes.Status201Created) : Refuse(added.Error!);
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
            return (null, null, Refuse(ErrorCodes.DocumentFileRequired));
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = intake.MaxFileBytes + EnvelopeBytes }, http.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return (null, null, Refuse(ErrorCodes.From(DocumentErrors.TooLarge(intake.MaxFileBytes))));
        }

        return form.Files.GetFile("file") is { } file ? (form, file, null) : (form, null, Refuse(ErrorCodes.DocumentFileRequired));
    }

    private static async Task<IResult> FetchAsync(
        string organization, string meeting, string documentId, int number, HttpContext http, IGrainFactory grains, IDocumentBlobStore blobs, TimeProvider clock)
    {
        var meetingId = MeetingKey.Of(organization, meeting);
        if (CabinetClaims.ToActor(http.User) is not { } actor)
        {
            return Refuse(ErrorCodes.NotSignedIn);
        }

        if (!MeetingKey.IsValid(meetingId) || !DocumentKey.IsValid(documentId))
        {
            return Refuse(ErrorCodes.DocumentNotFound);
        }

        var access = await grains.GetGrain<IMeetingGrain>(meetingId).GetDocumentAccessAsync(actor, documentId);
        if (!access.Ok)
        {
            return Refuse(access.Error!);
        }

        var (role, document) = (access.Value!.Role, access.Value.Document);
        var download = http.Request.Query["download"] == "1" || IsBrowserNavigation(http.Request);
        if (document.Classified)
        {
            return Refuse(ErrorCodes.DocumentClassified);
        }

        if (number < 1 || number > document.Versions.Length)
        {
            return Refuse(ErrorCodes.DocumentVersionNotFound);
        }

        if (download && !document.DownloadAllowed && role is not (MeetingRole.Chair or MeetingRole.Secretary))
        {
            return Refuse(ErrorCodes.DownloadForbidden);
        }

        var version = document.Versions[number - 1];
        if (await blobs.OpenAsync(version.Sha256, http.RequestAborted) is not { } stream)
        {
            return Refuse(ErrorCodes.DocumentFileMissing);
        }

        // Pre-reading: the secretary sees who has opened what (a first opening is written once, later ones cost a lookup).
        await grains.GetGrain<IDocumentReadingsGrain>(IAnnotationGrain.KeyOf(meetingId, documentId)).RecordAsync(actor.UserName, clock.GetUtcNow());

        // The URL names one immutable version, so the browser may keep it; private because it is authorized content.
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        InertFile.Describe(http.Response, $"{document.Title}-v{number}.pdf", download);
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

    internal static IResult Refuse(CabinetError error) => error.Code == ErrorCodes.RateLimited.Code
        ? RateLimitedResult.Of(error, TimeSpan.FromMinutes(5))
        : Results.Json(error, statusCode: StatusOf(error.Code));

    private static int StatusOf(string code) => code switch
    {
        "auth.not_signed_in" => StatusCodes.Status401Unauthorized,
        "auth.forbidden" or "documents.classified" or "documents.download_forbidden" or "invitation.not_invited" => StatusCodes.Status403Forbidden,
        "meeting.not_found" or "opinion.not_found" or "opinion.report_not_ready" or "documents.not_found" or "documents.version_not_found" or "documents.file_missing" or "agenda.item_not_found"
            => StatusCodes.Status404NotFound,
        "documents.too_large" => StatusCodes.Status413PayloadTooLarge,
        "documents.too_complex" => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };
}
