using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>
/// The chair or the secretary adds documents (a checked PDF already in the blob store), issues new versions that keep
/// the document id, and edits title, agenda item and the "download allowed" / "classified" flags. Never after close.
/// </summary>
internal static class DocumentDecisions
{
    public const int MaxTitle = 200;
    public const int MaxDocuments = 200;
    public const int MaxVersions = 100;

    public static string NextId(MeetingState s) => $"d{s.NextDocumentNumber}";

    public static Decision Add(MeetingState s, MeetingCommand c, DocumentUpload? upload)
    {
        if ((Check(s, c) ?? Fields(s, upload?.Title, upload?.ItemId) ?? File(upload)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var version = new DocumentVersionView(1, upload!.Sha256, upload.Bytes, upload.Pages, c.At, c.Actor.UserName);
        if (upload.DocumentId is not null)
        {
            return Issue(s, c, upload, version);
        }

        if (s.Documents.Length >= MaxDocuments)
        {
            return Decision.Refuse(ErrorCodes.DocumentLimit);
        }

        var document = new DocumentView(NextId(s), upload.Title.Trim(), upload.ItemId, upload.DownloadAllowed, upload.Classified, [version]);
        return Decision.Accept(
            s with { Documents = s.Documents.Add(document), NextDocumentNumber = s.NextDocumentNumber + 1 },
            c.EventOn(s, MeetingEventKinds.DocumentAdded) with { DocumentUpdate = document },
            Detail(document, version));
    }

    public static Decision Update(MeetingState s, MeetingCommand c, string? documentId, string? title, string? itemId, bool downloadAllowed, bool classified) =>
        (Check(s, c) ?? Fields(s, title, itemId)) is { } refusal ? Decision.Refuse(refusal)
            : Edit(s, c, documentId, before => before with { Title = title!.Trim(), ItemId = itemId, DownloadAllowed = downloadAllowed, Classified = classified },
                after => new { after.DocumentId, after.Title, after.ItemId, after.DownloadAllowed, after.Classified });

    /// <summary>Whether the viewer lays the reader's name over the pages (whoever prepares the meeting decides, per document).</summary>
    public static Decision SetScreenWatermark(MeetingState s, MeetingCommand c, string? documentId, bool shown) =>
        Check(s, c) is { } refusal ? Decision.Refuse(refusal)
            : Edit(s, c, documentId, before => before with { ScreenWatermark = shown }, after => new { after.DocumentId, after.ScreenWatermark });

    /// <summary>One document's settings changed (nothing when they are as they were), pushed whole as document.updated.</summary>
    private static Decision Edit(MeetingState s, MeetingCommand c, string? documentId, Func<DocumentView, DocumentView> change, Func<DocumentView, object> detail)
    {
        if (s.Documents.FirstOrDefault(d => d.DocumentId == documentId) is not { } before)
        {
            return Decision.Refuse(ErrorCodes.DocumentNotFound);
        }

        // A record compares its versions array by reference, which a settings change keeps: equal means nothing changed.
        var after = change(before);
        return after == before ? Decision.Unchanged : Decision.Accept(
            s with { Documents = s.Documents.Replace(before, after) },
            c.EventOn(s, MeetingEventKinds.DocumentUpdated) with { DocumentUpdate = after },
            detail(after));
    }

    private static Decision Issue(MeetingState s, MeetingCommand c, DocumentUpload upload, DocumentVersionView first)
    {
        if (s.Documents.FirstOrDefault(d => d.DocumentId == upload.DocumentId) is not { } before)
        {
            return Decision.Refuse(ErrorCodes.DocumentNotFound);
        }

        if (before.Versions.Length >= MaxVersions)
        {
            return Decision.Refuse(ErrorCodes.DocumentLimit);
        }

        var version = first with { Number = before.Versions.Length + 1 };
        var after = before with
        {
            Title = upload.Title.Trim(),
            ItemId = upload.ItemId,
            DownloadAllowed = upload.DownloadAllowed,
            Classified = upload.Classified,
            Versions = before.Versions.Add(version),
        };
        return Decision.Accept(
            s with { Documents = s.Documents.Replace(before, after) },
            c.EventOn(s, MeetingEventKinds.DocumentVersionIssued) with { DocumentUpdate = after },
            Detail(after, version));
    }

    private static object Detail(DocumentView d, DocumentVersionView v) =>
        new { d.DocumentId, d.Title, d.ItemId, d.DownloadAllowed, d.Classified, Version = v.Number, v.Sha256, v.Bytes, v.Pages };

    private static CabinetError? Check(MeetingState s, MeetingCommand c) =>
        !MeetingAccess.CanPrepare(s, c.Actor) ? ErrorCodes.Forbidden
        : s.Status == MeetingStatus.Closed ? ErrorCodes.MeetingClosed
        : null;

    private static CabinetError? Fields(MeetingState s, string? title, string? itemId) =>
        title?.Trim() is not { Length: > 0 and <= MaxTitle } ? ErrorCodes.Invalid($"Tên tài liệu cần từ 1 đến {MaxTitle} ký tự.")
        : itemId is not null && s.Agenda.All(i => i.Id != itemId) ? ErrorCodes.AgendaItemNotFound
        : null;

    private static CabinetError? File(DocumentUpload? upload) =>
        upload is null || !BlobHash.IsValid(upload.Sha256) || upload.Bytes <= 0 || upload.Pages <= 0
            ? ErrorCodes.Invalid("Tệp tài liệu chưa được kiểm tra và lưu trữ.")
            : null;

    /// <summary>Who may read a document: whoever may see the meeting (<see cref="MeetingPermissions.RoleOf(System.Collections.Immutable.ImmutableArray{Participant}, string, MeetingStatus, People.Actor)"/>).</summary>
    public static Result<DocumentAccess> Access(MeetingState s, string meetingId, People.Actor actor, string? documentId)
    {
        var role = MeetingAccess.RoleOf(s, actor);
        if (!MeetingPermissions.CanReadDocuments(role))
        {
            return Result<DocumentAccess>.Refused(ErrorCodes.Forbidden);
        }

        return s.Documents.FirstOrDefault(d => d.DocumentId == documentId) is { } document
            ? Result<DocumentAccess>.Of(new DocumentAccess(meetingId, role, s.Status, document))
            : Result<DocumentAccess>.Refused(ErrorCodes.DocumentNotFound);
    }
}
