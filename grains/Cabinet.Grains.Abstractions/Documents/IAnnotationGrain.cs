using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Documents;

/// <summary>
/// The annotations on one document of one meeting, keyed by <see cref="KeyOf"/>. Only participants of the meeting
/// annotate (asked of the meeting grain on every call); only the author edits, shares or deletes an annotation.
/// </summary>
[Alias("cabinet.IAnnotationGrain")]
public interface IAnnotationGrain : IGrainWithStringKey
{
    static string KeyOf(string meetingId, string documentId) => $"{meetingId}#{documentId}";

    /// <summary>
    /// The caller's own annotations and everyone's shared ones, on every version: a page of them after
    /// <paramref name="after"/> (an annotation id, or null for the first page), at most <paramref name="count"/>
    /// (capped at <see cref="AnnotationPage.MaxItems"/>).
    /// </summary>
    Task<Result<AnnotationPage>> ListAsync(Actor actor, string? after, int count);

    Task<Result<AnnotationView>> AddAsync(Actor actor, AnnotationInput input);

    Task<Result<AnnotationView>> UpdateAsync(Actor actor, string annotationId, AnnotationInput input);

    Task<Result<AnnotationView>> ShareAsync(Actor actor, string annotationId, bool shared);

    Task<CommandResult> DeleteAsync(Actor actor, string annotationId);

    /// <summary>
    /// Brings the annotations up to the document's latest version: each one whose quote is found there moves to it,
    /// the others are flagged as needing attention. The meeting grain calls it when a version is issued; every other
    /// call does it first too, so a crash in between loses nothing.
    /// </summary>
    Task ReanchorAsync();
}
