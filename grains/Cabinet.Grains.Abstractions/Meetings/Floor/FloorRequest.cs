namespace Cabinet.Meetings;

/// <summary>
/// One person in an agenda item's queue of requests to speak. A point of order ("kiến nghị về thủ tục") stands
/// ahead of every ordinary request. <see cref="RequestedBy"/> is the person themselves, or the chair who added
/// someone who asked outside Cabinet.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.floor-request")]
public sealed record FloorRequest(string UserName, string Topic, bool PointOfOrder, DateTimeOffset RequestedAt, string RequestedBy);
