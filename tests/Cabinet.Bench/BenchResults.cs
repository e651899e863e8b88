namespace Cabinet.Bench;

/// <summary>
/// What one run measured: the series by size and the "my meetings" listing (both only when the series ran), the
/// many-meetings scenario (null when it did not run), the long meeting in each storage mode it ran in.
/// </summary>
public sealed record BenchResults(IReadOnlyList<SeriesRow> Rows, ListingResult? Listing, ManyMeetingsResult? Many, IReadOnlyList<LongMeetingRun> LongMeetings);
