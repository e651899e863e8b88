namespace Cabinet.Meetings;

/// <summary>A line in "my meetings".</summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-summary")]
public sealed record MeetingSummary(string MeetingId, string OrganizationId, MeetingDetails Details, MeetingStatus Status, MeetingRole MyRole, int AgendaCount);
