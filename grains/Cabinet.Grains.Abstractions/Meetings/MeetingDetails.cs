namespace Cabinet.Meetings;

[GenerateSerializer, Immutable, Alias("cabinet.meeting-details")]
public sealed record MeetingDetails(string Title, string Place, DateTimeOffset ScheduledStart);
