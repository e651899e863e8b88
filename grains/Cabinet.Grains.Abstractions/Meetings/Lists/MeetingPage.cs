using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// One page of "my meetings": upcoming and live ones first in date order, then past ones newest first.
/// <see cref="NextCursor"/> is opaque and null on the last page.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-page")]
public sealed record MeetingPage(ImmutableArray<MeetingSummary> Items, string? NextCursor)
{
    public const int MaxSize = 50;
}
