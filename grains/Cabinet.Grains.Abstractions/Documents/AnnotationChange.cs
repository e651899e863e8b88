namespace Cabinet.Documents;

/// <summary>
/// Pushed to the room when a shared annotation appears, changes or stops being shared (<see cref="Shared"/> null:
/// deleted or made private, remove it). Private annotations are never pushed. Not a versioned meeting change:
/// a client that reconnects lists the annotations again.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.annotation-change")]
public sealed record AnnotationChange(string MeetingId, string DocumentId, string AnnotationId, AnnotationView? Shared);
