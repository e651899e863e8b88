using Cabinet.Meetings;

namespace Cabinet.Hub.Feeds;

/// <summary>An in-process subscriber to a meeting (a Blazor circuit): receives events in order, version nudges, participation counts and shared annotations.</summary>
public sealed record MeetingListener(Func<MeetingEvent, Task> OnEvent, Func<long, Task> OnVersion, Func<Polls.PollParticipation, Task>? OnParticipation = null,
    Func<Documents.AnnotationChange, Task>? OnAnnotation = null);
