namespace Cabinet.Opinions;

/// <summary>The steps of an opinion ballot: event kinds and ledger commands alike.</summary>
public static class OpinionEventKinds
{
    public const string Drafted = "opinion.drafted";
    public const string Edited = "opinion.edited";
    public const string DocumentAttached = "opinion.document_attached";
    public const string Submitted = "opinion.submitted";
    public const string Returned = "opinion.returned";
    public const string Approved = "opinion.approved";
    public const string Answered = "opinion.answered";
    public const string DeadlinePassed = "opinion.deadline_passed";
    public const string Closed = "opinion.closed";
    public const string ReportDrafted = "opinion.report_drafted";
    public const string ReportSigned = "opinion.report_signed";
    /// <summary>The report signed by the secretary and the chair, sealed by the organisation, and archived.</summary>
    public const string ReportMade = "opinion.report_made";
    public const string AttachedToMeeting = "opinion.attached_to_meeting";
}
