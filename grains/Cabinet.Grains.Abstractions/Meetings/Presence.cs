namespace Cabinet.Meetings;

/// <summary>
/// Attendance of one participant: connected now or not, when they first joined, when they last left,
/// and whether they arrived after the meeting was opened.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.presence")]
public sealed record Presence(
    string UserName,
    bool Connected,
    DateTimeOffset? FirstJoinedAt,
    DateTimeOffset? LastLeftAt,
    bool JoinedLate);
