namespace Cabinet.Meetings;

/// <summary>Who is invited to a meeting and in which role; the grain fills in names from the directory.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.participant-invite")]
public sealed record ParticipantInvite(string UserName, MeetingRole Role);
