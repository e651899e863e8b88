namespace Cabinet.Meetings;

/// <summary>The stable names of <see cref="MeetingEvent.Kind"/>; also the command names in the meeting ledger.</summary>
public static class MeetingEventKinds
{
    public const string Created = "meeting.created";
    public const string DetailsChanged = "meeting.details-changed";
    public const string ParticipantsChanged = "meeting.participants-changed";
    public const string ParticipantsAdded = "meeting.participants-added";
    public const string Scheduled = "meeting.scheduled";
    public const string Opened = "meeting.opened";
    public const string Closed = "meeting.closed";
    public const string Cancelled = "meeting.cancelled";
    public const string InvitationAnswered = "invitation.answered";
    public const string AgendaItemAdded = "agenda.item-added";
    public const string AgendaItemUpdated = "agenda.item-updated";
    public const string AgendaItemRemoved = "agenda.item-removed";
    public const string AgendaReordered = "agenda.reordered";
    public const string CurrentItemChanged = "agenda.current-changed";
    public const string OpinionOutcomeAttached = "agenda.opinion-attached";
    public const string OpinionOutcomeDetached = "agenda.opinion-detached";
    public const string ParticipantJoined = "presence.joined";
    public const string ParticipantLeft = "presence.left";

    /// <summary>Several people arrived or left while one presence write was in flight: <c>attendanceUpdates</c>.</summary>
    public const string AttendanceChanged = "presence.changed";

    // voting
    public const string PollOpened = "poll.opened";
    public const string PollClosed = "poll.closed";
    public const string PollCancelled = "poll.cancelled";

    // conclusions and closing
    public const string ConclusionDrafted = "conclusion.drafted";
    public const string ConclusionApproved = "conclusion.approved";
    public const string ConclusionPublished = "conclusion.published";
    public const string Archived = "meeting.archived";

    // the minutes after the close: draft, review, the people named sign, the organisation's seal
    public const string MinutesDrafted = "minutes.drafted";
    public const string MinutesCommented = "minutes.commented";
    public const string MinutesSigned = "minutes.signed";
    public const string MinutesSealed = "minutes.sealed";

    // floor
    public const string FloorRequested = "floor.requested";
    public const string FloorWithdrawn = "floor.withdrawn";
    public const string FloorAdded = "floor.added";
    public const string FloorRemoved = "floor.removed";
    public const string FloorReordered = "floor.reordered";
    public const string FloorGranted = "floor.granted";
    public const string SpeechEnded = "floor.speech-ended";
    public const string SpeakingTimeChanged = "floor.speaking-time-changed";
    public const string DefaultSpeakingTimeChanged = "floor.default-speaking-time-changed";

    // documents
    public const string DocumentAdded = "document.added";
    public const string DocumentVersionIssued = "document.version-issued";
    public const string DocumentUpdated = "document.updated";
    public const string FollowStarted = "follow.started";
    public const string FollowPage = "follow.page";
    public const string FollowStopped = "follow.stopped";
}
