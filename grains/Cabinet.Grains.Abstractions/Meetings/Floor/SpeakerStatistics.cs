namespace Cabinet.Meetings;

/// <summary>How often and how long one person spoke in a meeting (finished speeches only).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.speaker-statistics")]
public sealed record SpeakerStatistics(string UserName, int Speeches, int PointsOfOrder, TimeSpan Total);
