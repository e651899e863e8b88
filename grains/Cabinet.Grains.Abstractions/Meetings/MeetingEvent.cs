using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// One change to a meeting, numbered by <see cref="Version"/> (always the previous version + 1).
/// <see cref="Kind"/> says what happened; the non-null parts carry the new value of what changed, so a client
/// applies any event the same way (<see cref="MeetingSnapshot.Apply"/>) and never needs to know every kind.
/// An event that changes the participants, the attendance or the rules carries the <see cref="Quorum"/> after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-event")]
public sealed record MeetingEvent(
    string MeetingId,
    long Version,
    string Kind,
    DateTimeOffset At,
    string Actor,
    MeetingDetails? Details = null,
    MeetingStatus? Status = null,
    DateTimeOffset? OpenedAt = null,
    DateTimeOffset? ClosedAt = null,
    ImmutableArray<AgendaItem>? Agenda = null,
    CurrentItem? Current = null,
    ImmutableArray<Participant>? Participants = null,
    Presence? AttendanceUpdate = null,
    FloorUpdate? Floor = null,
    Polls.PollView? PollUpdate = null,
    Closing.ConclusionView? ConclusionUpdate = null,
    Closing.ArchiveInfo? Archive = null,
    Documents.DocumentView? DocumentUpdate = null,
    Documents.FollowState? Follow = null,
    ImmutableArray<Presence>? AttendanceUpdates = null,
    ImmutableArray<Participant>? ParticipantUpdates = null,
    MeetingRules? Rules = null,
    Closing.MinutesView? Minutes = null,
    MeetingQuorum? Quorum = null)
{
    /// <summary>Whether this event can change who is counted or present (and so must carry the quorum).</summary>
    public bool ChangesRoster =>
        Participants is not null || ParticipantUpdates is not null || AttendanceUpdate is not null || AttendanceUpdates is not null || Rules is not null;
}
