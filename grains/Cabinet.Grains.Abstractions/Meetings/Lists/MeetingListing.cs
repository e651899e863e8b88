namespace Cabinet.Meetings;

/// <summary>
/// What an organisation's meeting index holds for one meeting: enough for a line in "my meetings", nothing more.
/// <see cref="Version"/> is the meeting's version when it was pushed; an index keeps the newest it has seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-listing")]
public sealed record MeetingListing(string MeetingId, string OrganizationId, MeetingDetails Details, MeetingStatus Status, int AgendaCount, long Version)
{
    public MeetingSummary ToSummary(MeetingRole role, bool takesPart = true, AnswerKind answer = AnswerKind.Pending) =>
        new(MeetingId, OrganizationId, Details, Status, role, AgendaCount, takesPart, answer);
}
