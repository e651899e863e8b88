using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Hub.Limits;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Hub;

/// <summary>
/// Documents, annotations and "follow me". Uploads go over HTTP (POST …/documents); the grains check every role:
/// annotations ask the meeting grain whether the caller is a participant of that meeting and document.
/// </summary>
public sealed partial class MeetingHub
{
    public Task<CommandResult> UpdateDocument(string meetingId, string documentId, string title, string? itemId, bool downloadAllowed, bool classified) =>
        Command(meetingId, (g, a) => g.UpdateDocumentAsync(a, documentId, title, itemId, downloadAllowed, classified));

    public Task<CommandResult> SetScreenWatermark(string meetingId, string documentId, bool shown) =>
        Command(meetingId, (g, a) => g.SetScreenWatermarkAsync(a, documentId, shown));

    /// <summary>A page of the meeting's access log, newest first (the chair and the secretary).</summary>
    [Query]
    public Task<Result<DocumentAccessPage>> GetAccessLog(string meetingId, long? before, int count) =>
        MeetingQuery(meetingId, (g, a) => g.GetAccessLogAsync(a, before, count));

    /// <summary>Who took the copy with this id (printed on its pages), of which document version, when (the chair and the secretary).</summary>
    [Query]
    public Task<Result<DocumentAccessRecord>> LookUpCopy(string meetingId, string copyId) =>
        MeetingQuery(meetingId, (g, a) => g.LookUpCopyAsync(a, copyId));

    [Query]
    public Task<Result<DocumentAccess>> GetDocumentAccess(string meetingId, string documentId) =>
        DocumentRefusal(meetingId, documentId) is { } refusal
            ? Task.FromResult(Result<DocumentAccess>.Refused(refusal))
            : Grain(meetingId).GetDocumentAccessAsync(Caller, documentId);

    [Query]
    public Task<Result<AnnotationPage>> ListAnnotations(string meetingId, string documentId, string? after, int count) =>
        Annotations(meetingId, documentId, (g, a) => g.ListAsync(a, after, count));

    public Task<Result<AnnotationView>> AddAnnotation(string meetingId, string documentId, AnnotationInput input) =>
        Annotations(meetingId, documentId, (g, a) => g.AddAsync(a, input));

    public Task<Result<AnnotationView>> UpdateAnnotation(string meetingId, string documentId, string annotationId, AnnotationInput input) =>
        Annotations(meetingId, documentId, (g, a) => g.UpdateAsync(a, annotationId, input));

    public Task<Result<AnnotationView>> ShareAnnotation(string meetingId, string documentId, string annotationId, bool shared) =>
        Annotations(meetingId, documentId, (g, a) => g.ShareAsync(a, annotationId, shared));

    public Task<CommandResult> DeleteAnnotation(string meetingId, string documentId, string annotationId) =>
        DocumentRefusal(meetingId, documentId) is { } refusal
            ? Task.FromResult(CommandResult.Refused(refusal))
            : AnnotationGrain(meetingId, documentId).DeleteAsync(Caller, annotationId);

    public Task<CommandResult> StartFollow(string meetingId, string documentId, int version, int page) =>
        Command(meetingId, (g, a) => g.StartFollowAsync(a, documentId, version, page));

    public Task<CommandResult> FollowPage(string meetingId, int page) => Command(meetingId, (g, a) => g.FollowPageAsync(a, page));

    public Task<CommandResult> StopFollow(string meetingId) => Command(meetingId, (g, a) => g.StopFollowAsync(a));

    private Task<Result<T>> Annotations<T>(string meetingId, string documentId, Func<IAnnotationGrain, Actor, Task<Result<T>>> call) =>
        DocumentRefusal(meetingId, documentId) is { } refusal
            ? Task.FromResult(Result<T>.Refused(refusal))
            : call(AnnotationGrain(meetingId, documentId), Caller);

    private Task<Result<T>> MeetingQuery<T>(string meetingId, Func<IMeetingGrain, Actor, Task<Result<T>>> query) =>
        Refusal(meetingId) is { } refusal ? Task.FromResult(Result<T>.Refused(refusal)) : query(Grain(meetingId), Caller);

    private IAnnotationGrain AnnotationGrain(string meetingId, string documentId) =>
        grains.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meetingId, documentId));

    private static CabinetError? DocumentRefusal(string meetingId, string documentId) =>
        Refusal(meetingId) ?? (DocumentKey.IsValid(documentId) ? null : ErrorCodes.DocumentNotFound);
}
