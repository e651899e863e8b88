using System.Collections.Immutable;
using Cabinet.Meetings;

namespace Cabinet.Integration;

/// <summary>The events a webhook may subscribe to, and the meeting events they come from (opinion ballots raise theirs themselves).</summary>
public static class IntegrationEventTypes
{
    public const string MeetingScheduled = "meeting.scheduled";
    public const string MeetingClosed = "meeting.closed";
    public const string ConclusionApproved = "conclusion.approved";
    public const string ArchiveSealed = "archive.sealed";
    public const string PollClosed = "poll.closed";

    /// <summary>An opinion ballot closed and its consolidated report sealed: the outcome is final and the links work.</summary>
    public const string OpinionClosed = "opinion.closed";

    public static readonly ImmutableArray<string> All = [MeetingScheduled, MeetingClosed, ConclusionApproved, ArchiveSealed, PollClosed, OpinionClosed];

    /// <summary>The integration event a meeting event raises, if any.</summary>
    public static string? Of(string meetingEventKind) => meetingEventKind switch
    {
        MeetingEventKinds.Scheduled => MeetingScheduled,
        MeetingEventKinds.Closed => MeetingClosed,
        MeetingEventKinds.ConclusionApproved => ConclusionApproved,
        MeetingEventKinds.Archived => ArchiveSealed,
        MeetingEventKinds.PollClosed => PollClosed,
        _ => null,
    };
}
