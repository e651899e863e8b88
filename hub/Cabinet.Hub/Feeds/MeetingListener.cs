using Cabinet.Meetings;

namespace Cabinet.Hub.Feeds;

/// <summary>An in-process subscriber to a meeting (a Blazor circuit): receives events in order and version nudges.</summary>
public sealed record MeetingListener(Func<MeetingEvent, Task> OnEvent, Func<long, Task> OnVersion, Func<Polls.PollParticipation, Task>? OnParticipation = null);
