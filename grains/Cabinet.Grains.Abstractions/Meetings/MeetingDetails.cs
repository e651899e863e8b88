namespace Cabinet.Meetings;

/// <param name="OnlineLink">The online meeting's address (https), when there is one.</param>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-details")]
public sealed record MeetingDetails(string Title, string Place, DateTimeOffset ScheduledStart, MeetingKind Kind = MeetingKind.Regular, string? OnlineLink = null);
