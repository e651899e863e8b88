using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Records.Pdf;

namespace Cabinet.Web.Documents;

/// <summary>
/// A person's copy of a document version (a download or a print): recorded in the meeting's access log, which gives
/// it its id, then every page marked with the person, their organisation, the time and that id. The stored file is
/// never changed; the mark is an incremental update appended to a copy of its bytes.
/// </summary>
public sealed partial class DocumentCopies(IGrainFactory grains, IDocumentBlobStore blobs, ILogger<DocumentCopies> logger)
{
    /// <summary>Markings at once per host: each holds a file (up to MaxFileBytes) and its copy in memory.</summary>
    private readonly SemaphoreSlim _marking = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<Result<byte[]>> MakeAsync(Actor actor, string meetingId, DocumentView document, DocumentVersionView version, DocumentAccessKind kind,
        CancellationToken cancellationToken)
    {
        await _marking.WaitAsync(cancellationToken);
        try
        {
            return await MakeOneAsync(actor, meetingId, document, version, kind, cancellationToken);
        }
        finally
        {
            _marking.Release();
        }
    }

    private async Task<Result<byte[]>> MakeOneAsync(Actor actor, string meetingId, DocumentView document, DocumentVersionView version, DocumentAccessKind kind,
        CancellationToken cancellationToken)
    {
        byte[] original;
        await using (var stream = await blobs.OpenAsync(version.Sha256, cancellationToken))
        {
            if (stream is null)
            {
                return Result<byte[]>.Refused(ErrorCodes.DocumentFileMissing);
            }

            using var buffer = new MemoryStream((int)Math.Min(version.Bytes, int.MaxValue / 2));
            await stream.CopyToAsync(buffer, cancellationToken);
            original = buffer.ToArray();
        }

        var organization = actor.OrganizationId.Length == 0 ? null : await grains.GetGrain<IOrganizationGrain>(actor.OrganizationId).GetProfileAsync();
        var copy = await grains.GetGrain<IDocumentAccessLogGrain>(meetingId).IssueCopyAsync(
            new DocumentAccessInput(actor.UserName, actor.DisplayName, organization?.Name ?? "", document.DocumentId, version.Number, kind));
        if (copy.CopyId is not { } copyId)
        {
            return Result<byte[]>.Refused(ErrorCodes.CopyFailed);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(CopyMarks.Budget);
        try
        {
            return Result<byte[]>.Of(await Task.Run(() => CopyMarks.Apply(original, copy.DisplayName, copy.Organization, copy.At, copyId,
                kind == DocumentAccessKind.Printed, budget.Token), budget.Token));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnmarkable(logger, meetingId, document.DocumentId, version.Number, copyId, e.Message);
            return Result<byte[]>.Refused(ErrorCodes.CopyFailed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copy {CopyId} of {MeetingId} {DocumentId} v{Version} could not be marked: {Reason}")]
    private static partial void LogUnmarkable(ILogger logger, string meetingId, string documentId, int version, string copyId, string reason);
}
