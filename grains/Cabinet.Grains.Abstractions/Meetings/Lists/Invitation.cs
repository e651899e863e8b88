namespace Cabinet.Meetings;

/// <summary>
/// What a person's meeting index holds for one meeting they are invited to: where its listing is
/// (<see cref="OrganizationId"/> and <see cref="Month"/>, see <see cref="MeetingIndexKeys"/>), their role, and whether
/// they take part yet (<see cref="MeetingPermissions.TakesPart"/>). The listing itself stays in the organisation's
/// index, so a new title or status is one push, not one per participant.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.invitation")]
public sealed record Invitation(string MeetingId, string OrganizationId, string Month, MeetingRole Role, long Version, bool TakesPart = true, AnswerKind Answer = AnswerKind.Pending);
