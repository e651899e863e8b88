using Cabinet.Meetings;

namespace Cabinet.Hub.Feeds;

/// <summary>
/// An in-process subscriber to a meeting (a Blazor circuit) of <paramref name="Reader"/>: receives events in order, version
/// nudges, participation counts, the shared annotations of documents that person may read, and that person's own ballots.
/// </summary>
public sealed record MeetingListener(string Reader, Func<MeetingEvent, Task> OnEvent, Func<long, Task> OnVersion,
    Func<Polls.PollParticipation, Task>? OnParticipation = null, Func<Documents.AnnotationChange, Task>? OnAnnotation = null,
    Func<Polls.MyBallot, Task>? OnMyBallot = null);
