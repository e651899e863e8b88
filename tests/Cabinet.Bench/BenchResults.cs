namespace Cabinet.Bench;

/// <summary>What one run measured: the series by size, the "my meetings" listing (not with --ledger-only), the long meeting.</summary>
public sealed record BenchResults(IReadOnlyList<SeriesRow> Rows, ListingResult? Listing, IReadOnlyList<LongMeetingRow> LongMeeting);
