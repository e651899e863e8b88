using Cabinet.Documents;
using Cabinet.Documents.Pdf;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Web.Isolation;

namespace Cabinet.Web.Documents;

/// <summary>
/// The one way a PDF enters a meeting (HTTP upload and the Blazor form both use it): the caller's role first, then the
/// content — never the file name: size, header and structure budgets here, the pages read by PdfPig in an isolated
/// child process — then the bytes into the blob store by SHA-256, and finally the record in the meeting. A refused
/// upload stores nothing.
/// </summary>
public sealed partial class DocumentIntake(
    IGrainFactory grains, IDocumentBlobStore blobs, DocumentLimits limits, IsolatedInspection isolated, UploadQuota quota,
    ILogger<DocumentIntake> logger)
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

        // Asked before the file is read and inspected; the grain asks the same rule again when it records the document.
        if (!MeetingPermissions.CanPrepare(summary.Value!.MyRole))
        {
            return Result<DocumentView>.Refused(ErrorCodes.Forbidden);
        }

        var stored = await StoreCheckedAsync(actor, meetingId, content, ct);
        return !stored.Ok ? Result<DocumentView>.Refused(stored.Error!)
            : await meeting.AddDocumentAsync(actor, new DocumentUpload(
                request.DocumentId, request.Title ?? "", request.ItemId, request.DownloadAllowed, request.Classified,
                stored.Value!.Sha256, stored.Value.Bytes, stored.Value.PageCount));
    }

    /// <summary>
    /// The content checks and the blob store, for a caller already allowed to add a document (to a meeting, or an
    /// opinion ballot): the upload quota, size, structure budgets, the isolated page read, then the bytes by SHA-256.
    /// </summary>
    public async Task<Result<CheckedFile>> StoreCheckedAsync(Actor actor, string ownerId, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!quota.TryStart(actor.UserName))
        {
            return Result<CheckedFile>.Refused(ErrorCodes.RateLimited);
        }

        // Read once, bounded: the check and the blob store both need every byte, and 50 MB fits in memory.
        if (await ReadAsync(content, ct) is not { } bytes)
        {
            return Result<CheckedFile>.Refused(ErrorCodes.From(DocumentErrors.TooLarge(limits.MaxFileBytes)));
        }

        if (!quota.TryTake(actor.UserName, bytes.LongLength))
        {
            return Result<CheckedFile>.Refused(ErrorCodes.RateLimited);
        }

        var inspection = PdfInspection.Screen(bytes, limits) is { } refused
            ? PdfInspectionResult.Refused(refused)
            : await isolated.InspectAsync(bytes, glyphs: false, ct);
        if (!inspection.Ok)
        {
            LogRefused(ownerId, actor.UserName, inspection.Error!.Code);
            return Result<CheckedFile>.Refused(ErrorCodes.From(inspection.Error));
        }

        var sha256 = BlobHash.Of(bytes);
        using (var stored = new MemoryStream(bytes, writable: false))
        {
            await blobs.PutAsync(sha256, stored, ct);
        }

        return Result<CheckedFile>.Of(new CheckedFile(sha256, bytes.LongLength, inspection.Pdf!.PageCount));
    }

    /// <summary>The whole upload, or null as soon as it passes the limit (the rest is never read).</summary>
    private async Task<byte[]?> ReadAsync(Stream content, CancellationToken ct)
    {
        using var copy = new MemoryStream(content.CanSeek ? (int)Math.Min(content.Length, limits.MaxFileBytes + 1) : 0);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > limits.MaxFileBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        // When the length was known the buffer is exactly the content: no second copy of up to 50 MB.
        return copy.GetBuffer().Length == copy.Length ? copy.GetBuffer() : copy.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{OwnerId}: upload by {UserName} refused ({Code})")]
    private partial void LogRefused(string ownerId, string userName, string code);
}

/// <summary>A PDF that passed the content checks and is in the blob store.</summary>
public sealed record CheckedFile(string Sha256, long Bytes, int PageCount);
