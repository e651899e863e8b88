namespace Cabinet.Bench;

/// <summary>The "my meetings" scenario: how many past meetings, how long creating them took, and the first page's latency (ms).</summary>
public sealed record ListingResult(int Meetings, double CreateSeconds, int FirstPageItems, LatencyStats FirstPage)
{
    public static readonly ListingResult NotRun = new(0, double.NaN, 0, LatencyStats.Empty);

    public string ToCsv() => "meetings,create_s,first_page_items,calls,first_page_p50_ms,first_page_p99_ms,first_page_max_ms\n"
        + string.Join(',', new object[] { Meetings, CreateSeconds, FirstPageItems, FirstPage.Count, FirstPage.P50, FirstPage.P99, FirstPage.Max }
            .Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))) + "\n";
}
