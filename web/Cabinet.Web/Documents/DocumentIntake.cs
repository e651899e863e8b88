using System.Security.Cryptography;
using Cabinet.Documents;
using Cabinet.Documents.Pdf;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Web.Documents;

/// <summary>
/// The one way a PDF enters a meeting (HTTP upload and the Blazor form both use it): the caller's role first, then the
/// content (size, a real PDF that opens — never the file name), then the bytes into the blob store by SHA-256, and
/// finally the record in the meeting. A refused upload stores nothing.
/// </summary>
public sealed partial class DocumentIntake(IGrainFactory grains, IDocumentBlobStore blobs, DocumentLimits limits, ILogger<DocumentIntake> logger)
{
    public long MaxFileBytes => limits.MaxFileBytes;

    public async Task<Result<DocumentView>> AddAsync(Actor actor, string meetingId, Stream content, DocumentUploadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(request);
        if (!MeetingKey.IsValid(meetingId))
        {
            return Result<DocumentView>.Refused(ErrorCodes.InvalidMeetingId);
        }

        if (request.DocumentId is not null && !DocumentKey.IsValid(request.DocumentId))
        {
            return Result<DocumentView>.Refused(ErrorCodes.DocumentNotFound);
        }

        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        var summary = await meeting.GetSummaryAsync(actor);
        if (!summary.Ok)
        {
            return Result<DocumentView>.Refused(summary.Error!);
        }

        if (summary.Value!.MyRole is not (MeetingRole.Chair or MeetingRole.Secretary))
        {
            return Result<DocumentView>.Refused(ErrorCodes.Forbidden);
        }

        var temp = Path.Combine(Path.GetTempPath(), $"cabinet-upload-{Guid.NewGuid():N}.pdf");
        try
        {
            var copied = await CopyAsync(content, temp, ct);
            if (copied.Error is { } tooLarge)
            {
                return Result<DocumentView>.Refused(tooLarge);
            }

            var bytes = await File.ReadAllBytesAsync(temp, ct);
            var inspection = PdfInspection.Inspect(bytes, limits.MaxFileBytes);
            if (!inspection.Ok)
            {
                LogRefused(meetingId, actor.UserName, inspection.Error!.Code);
                return Result<DocumentView>.Refused(ErrorCodes.From(inspection.Error));
            }

            using (var stored = new MemoryStream(bytes, writable: false))
            {
                await blobs.PutAsync(copied.Sha256!, stored, ct);
            }

            return await meeting.AddDocumentAsync(actor, new DocumentUpload(
                request.DocumentId, request.Title ?? "", request.ItemId, request.DownloadAllowed, request.Classified,
                copied.Sha256!, bytes.LongLength, inspection.Pdf!.PageCount));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Streams the upload to a temporary file, hashing it, and stops as soon as it passes the limit.</summary>
    private async Task<(string? Sha256, CabinetError? Error)> CopyAsync(Stream content, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limits.MaxFileBytes)
            {
                return (null, ErrorCodes.From(DocumentErrors.TooLarge(limits.MaxFileBytes)));
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: upload by {UserName} refused ({Code})")]
    private partial void LogRefused(string meetingId, string userName, string code);
}
