using System.Collections.Immutable;

namespace Cabinet.Closing;

/// <summary>
/// An approved conclusion the chair or secretary published to the whole organisation: its text, the item's and the
/// meeting's titles, the meeting's date and the approval time — nothing else of the meeting (no documents, no ballots,
/// no participants). <see cref="MeetingId"/> keys it (publishing again replaces it) and is not shown to readers.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.published-conclusion")]
public sealed record PublishedConclusion(
    string MeetingId,
    string ItemId,
    string MeetingTitle,
    DateTimeOffset MeetingDate,
    string ItemTitle,
    ImmutableArray<string> Paragraphs,
    DateTimeOffset ApprovedAt,
    DateTimeOffset PublishedAt);
