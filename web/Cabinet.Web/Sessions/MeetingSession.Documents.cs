using Cabinet.Documents;
using Cabinet.Errors;

namespace Cabinet.Web.Sessions;

/// <summary>
/// The document viewer's calls as the signed-in person: annotations go straight to the document's annotation grain,
/// which asks the meeting grain whether this person takes part and checks authorship itself.
/// </summary>
public sealed partial class MeetingSession
{
    /// <summary>One page of the annotations this person sees, after <paramref name="after"/> (null: from the first).</summary>
    public Task<Result<AnnotationPage>> ListAnnotationsAsync(string documentId, string? after) =>
        AnnotationsOf(documentId, (g, a) => g.ListAsync(a, after, AnnotationPage.MaxItems));

    public Task<Result<AnnotationView>> AddAnnotationAsync(string documentId, AnnotationInput input) =>
        AnnotationsOf(documentId, (g, a) => g.AddAsync(a, input));

    public Task<Result<AnnotationView>> UpdateAnnotationAsync(string documentId, string annotationId, AnnotationInput input) =>
        AnnotationsOf(documentId, (g, a) => g.UpdateAsync(a, annotationId, input));

    public Task<Result<AnnotationView>> ShareAnnotationAsync(string documentId, string annotationId, bool shared) =>
        AnnotationsOf(documentId, (g, a) => g.ShareAsync(a, annotationId, shared));

    /// <summary>Who has opened the document (for those who prepare the meeting; the grain refuses anyone else).</summary>
    public Task<Result<DocumentReadings>> GetDocumentReadingsAsync(string documentId) =>
        OfMeeting((g, a) => g.GetDocumentReadingsAsync(a, documentId));

    /// <summary>A page of the access log, newest first (the chair and the secretary; the grain refuses anyone else).</summary>
    public Task<Result<DocumentAccessPage>> GetAccessLogAsync(long? before, int count) =>
        OfMeeting((g, a) => g.GetAccessLogAsync(a, before, count));

    /// <summary>Who took the copy <paramref name="copyId"/> (the chair and the secretary; the grain refuses anyone else).</summary>
    public Task<Result<DocumentAccessRecord>> LookUpCopyAsync(string copyId) => OfMeeting((g, a) => g.LookUpCopyAsync(a, copyId));

    public Task<CommandResult> DeleteAnnotationAsync(string documentId, string annotationId) =>
        Snapshot is null || Actor is null ? Task.FromResult(CommandResult.Refused(Error ?? ErrorCodes.NotSignedIn))
            : Guarded(() => grains.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(Snapshot.MeetingId, documentId)).DeleteAsync(Actor, annotationId));

    private Task<Result<T>> OfMeeting<T>(Func<Meetings.IMeetingGrain, People.Actor, Task<Result<T>>> call) =>
        Snapshot is null || Actor is null ? Task.FromResult(Result<T>.Refused(Error ?? ErrorCodes.NotSignedIn))
            : Guarded(() => call(grains.GetGrain<Meetings.IMeetingGrain>(Snapshot.MeetingId), Actor));

    private Task<Result<T>> AnnotationsOf<T>(string documentId, Func<IAnnotationGrain, People.Actor, Task<Result<T>>> call) =>
        Snapshot is null || Actor is null ? Task.FromResult(Result<T>.Refused(Error ?? ErrorCodes.NotSignedIn))
            : Guarded(() => call(grains.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(Snapshot.MeetingId, documentId)), Actor));
}
