namespace Cabinet.Meetings;

[GenerateSerializer, Immutable, Alias("cabinet.participant")]
public sealed record Participant(string UserName, string DisplayName, MeetingRole Role, string OrganizationId, string Position);
