using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

// CONTRACT ONLY: the documents branch replaces these bodies (issue 4). Nothing calls them yet.
public sealed partial class MeetingGrain
{
    public Task<Result<DocumentView>> AddDocumentAsync(Actor actor, DocumentUpload upload) => throw new NotSupportedException();

    public Task<CommandResult> UpdateDocumentAsync(Actor actor, string documentId, string title, string? itemId, bool downloadAllowed, bool classified) =>
        throw new NotSupportedException();

    public Task<Result<DocumentAccess>> GetDocumentAccessAsync(Actor actor, string documentId) => throw new NotSupportedException();

    public Task<CommandResult> StartFollowAsync(Actor actor, string documentId, int version, int page) => throw new NotSupportedException();

    public Task<CommandResult> FollowPageAsync(Actor actor, int page) => throw new NotSupportedException();

    public Task<CommandResult> StopFollowAsync(Actor actor) => throw new NotSupportedException();

    public Task RelayAnnotationAsync(AnnotationChange change) => _observers.Notify(o => o.OnAnnotationAsync(change));
}
