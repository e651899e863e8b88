namespace Cabinet.Meetings;

/// <summary>
/// A line in "my meetings". <see cref="TakesPart"/> is false for an invitation from another organisation not accepted
/// yet: the person sees this line and the invitation, nothing more, until they accept.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-summary")]
public sealed record MeetingSummary(
    string MeetingId, string OrganizationId, MeetingDetails Details, MeetingStatus Status, MeetingRole MyRole, int AgendaCount,
    bool TakesPart = true, AnswerKind MyAnswer = AnswerKind.Pending);
