namespace Cabinet.Notices;

/// <summary>The kinds of notice Cabinet sends (stable strings: clients may pick an icon by them).</summary>
public static class NoticeKinds
{
    public const string MeetingInvitation = "meeting.invitation";
    public const string MeetingReminder = "meeting.reminder";
    public const string VoteOpen = "poll.vote-open";
    public const string OpinionSent = "opinion.sent";
    public const string OpinionDeadlineNear = "opinion.deadline-near";
    public const string OpinionOverdue = "opinion.overdue";
}
