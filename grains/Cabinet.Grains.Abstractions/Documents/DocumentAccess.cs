namespace Cabinet.Documents;

/// <summary>What a participant may do with one document: answered by the meeting grain, used by file fetches and annotations.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-access")]
public sealed record DocumentAccess(string MeetingId, Meetings.MeetingRole Role, Meetings.MeetingStatus Status, DocumentView Document);
