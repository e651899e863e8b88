namespace Cabinet.Records.Minutes;

/// <summary>A turn at the floor. A point of order is marked as such in the minutes.</summary>
public sealed record Speaker(string Name, DateTimeOffset StartedAt, TimeSpan Duration, bool PointOfOrder = false);
