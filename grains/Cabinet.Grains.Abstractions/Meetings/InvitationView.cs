namespace Cabinet.Meetings;

/// <summary>
/// One person's invitation: what they may see before they take part (title, time, place, who organises it) and their
/// answer. <see cref="PlannedMinutes"/> is the agenda's planned length (at least an hour). <see cref="Sequence"/> grows each time the time, place or status changes after scheduling (the .ics SEQUENCE).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.invitation-view")]
public sealed record InvitationView(
    string MeetingId,
    string OrganizationId,
    string OrganizationName,
    MeetingDetails Details,
    MeetingStatus Status,
    MeetingRole Role,
    InvitationAnswer? Answer,
    string Chair,
    string? Secretary,
    bool TakesPart,
    int Sequence,
    string? DeputyFor,
    int PlannedMinutes);
