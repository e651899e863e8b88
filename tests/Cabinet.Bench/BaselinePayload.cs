using Cabinet.Meetings;

namespace Cabinet.Bench;

/// <summary>
/// The baseline's messages: a real Cabinet agenda event (same parts, same size), numbered anew for each move, and a
/// real shared note's push, with a new annotation id for each note.
/// </summary>
public sealed class BaselinePayload
{
    private long _version;

    public MeetingEvent Template { get; set; } = new("tinh/baseline", 0, MeetingEventKinds.CurrentItemChanged, DateTimeOffset.UtcNow, "chutich");

    public Documents.AnnotationChange? Note { get; set; }

    public long Version => Interlocked.Read(ref _version);

    public MeetingEvent Next() => Template with { Version = Interlocked.Increment(ref _version) };
}
