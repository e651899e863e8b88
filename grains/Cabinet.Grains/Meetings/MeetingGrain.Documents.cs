using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>Documents, their versions, who may read them, and "follow me".</summary>
public sealed partial class MeetingGrain
{
    public async Task<Result<DocumentView>> AddDocumentAsync(Actor actor, DocumentUpload upload)
    {
        var documentId = upload?.DocumentId ?? DocumentDecisions.NextId(state.State);
        var result = await ExecuteAsync(actor, c => Task.FromResult(DocumentDecisions.Add(state.State, c, upload)),
            afterAccepted: upload?.DocumentId is null ? null : () => ReanchorLater(documentId));
        return result.Ok
            ? Result<DocumentView>.Of(state.State.Documents.First(d => d.DocumentId == documentId))
            : Result<DocumentView>.Refused(result.Error!);
    }

    public Task<CommandResult> UpdateDocumentAsync(Actor actor, string documentId, string title, string? itemId, bool downloadAllowed, bool classified) =>
        ExecuteAsync(actor, c => DocumentDecisions.Update(state.State, c, documentId, title, itemId, downloadAllowed, classified));

    public Task<Result<DocumentAccess>> GetDocumentAccessAsync(Actor actor, string documentId) =>
        Task.FromResult(state.State.Exists
            ? DocumentDecisions.Access(state.State, MeetingId, actor, documentId)
            : Result<DocumentAccess>.Refused(ErrorCodes.MeetingNotFound));

    public Task<CommandResult> SetScreenWatermarkAsync(Actor actor, string documentId, bool shown) =>
        ExecuteAsync(actor, c => DocumentDecisions.SetScreenWatermark(state.State, c, documentId, shown));

    public async Task<Result<DocumentAccessPage>> GetAccessLogAsync(Actor actor, long? before, int count) =>
        AccessRefusal(actor) is { } refusal ? Result<DocumentAccessPage>.Refused(refusal)
            : Result<DocumentAccessPage>.Of(await AccessLog.ReadAsync(before, count));

    public async Task<Result<DocumentAccessRecord>> LookUpCopyAsync(Actor actor, string copyId) =>
        AccessRefusal(actor) is { } refusal ? Result<DocumentAccessRecord>.Refused(refusal)
            : await AccessLog.FindCopyAsync(copyId ?? "") is { } copy ? Result<DocumentAccessRecord>.Of(copy)
            : Result<DocumentAccessRecord>.Refused(ErrorCodes.CopyNotFound);

    public Task<CommandResult> StartFollowAsync(Actor actor, string documentId, int version, int page) =>
        ExecuteAsync(actor, c => FollowDecisions.Start(state.State, c, documentId, version, page));

    public Task<CommandResult> FollowPageAsync(Actor actor, int page) => ExecuteAsync(actor, c => FollowDecisions.Page(state.State, c, page));

    public Task<CommandResult> StopFollowAsync(Actor actor) => ExecuteAsync(actor, c => FollowDecisions.Stop(state.State, c));

    public Task RelayAnnotationAsync(AnnotationChange change)
    {
        var readers = MeetingPermissions.ReadersOf(state.State.Participants, state.State.OrganizationId, state.State.Status, state.State.Documents.FirstOrDefault(d => d.DocumentId == change?.DocumentId));
        return readers.IsEmpty ? Task.CompletedTask : _observers.Notify(o => o.OnAnnotationAsync(change!, readers));
    }

    private IDocumentAccessLogGrain AccessLog => GrainFactory.GetGrain<IDocumentAccessLogGrain>(MeetingId);

    private CabinetError? AccessRefusal(Actor actor) =>
        !state.State.Exists ? ErrorCodes.MeetingNotFound
        : !MeetingPermissions.MayReviewAccess(MeetingAccess.RoleOf(state.State, actor)) ? ErrorCodes.Forbidden
        : null;

    /// <summary>
    /// Not awaited: the annotation grain asks this grain for the versions, which it cannot answer while this call
    /// runs. Losing it is harmless, since every annotation call reanchors first.
    /// </summary>
    private Task ReanchorLater(string documentId)
    {
        GrainFactory.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(MeetingId, documentId)).ReanchorAsync().Ignore();
        return Task.CompletedTask;
    }
}
