namespace Cabinet.Meetings;

/// <summary>A request to speak as typed: an optional short topic, and whether it is a point of order.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.floor-request-input")]
public sealed record FloorRequestInput(string? Topic = null, bool PointOfOrder = false);
