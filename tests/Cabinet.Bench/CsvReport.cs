using System.Text;

namespace Cabinet.Bench;

/// <summary>One line per number of delegates; times in milliseconds, memory in KiB per delegate, CPU in seconds.</summary>
public static class CsvReport
{
    public static string Write(IReadOnlyList<SeriesRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("n,connected,cabinet_p50_ms,cabinet_p95_ms,cabinet_p99_ms,cabinet_max_ms,baseline_p50_ms,baseline_p95_ms,baseline_p99_ms,baseline_max_ms,"
            + "p99_ratio,ballots,receipts,receipts_ms,ballots_per_s,tally_p50_ms,tally_p99_ms,tally_max_ms,ballots_counted,count_ok,"
            + "managed_kib_per_delegate,rss_kib_per_delegate,join_s,server_cpu_join_s,server_cpu_fanout_s,server_cpu_vote_s,"
            + "bench_cpu_fanout_cabinet_s,bench_cpu_fanout_baseline_s,payload_bytes,annotations_shared,annotations_per_s,annotation_added_p50_ms,"
            + "annotation_p50_ms,annotation_p95_ms,annotation_p99_ms,annotation_max_ms,annotation_baseline_p50_ms,annotation_baseline_p99_ms,failures");
        foreach (var r in rows)
        {
            object?[] values =
            [
                r.N, r.Connected, r.Cabinet.P50, r.Cabinet.P95, r.Cabinet.P99, r.Cabinet.Max, r.Baseline.P50, r.Baseline.P95, r.Baseline.P99, r.Baseline.Max,
                r.P99Ratio, r.Vote.Ballots, r.Vote.Receipts, r.Vote.ReceiptsMs, r.Vote.BallotsPerSecond, r.Vote.Tally.P50, r.Vote.Tally.P99, r.Vote.Tally.Max,
                r.Vote.Counted, r.Vote.CountMatches, r.ManagedBytesPerDelegate / 1024, r.ResidentBytesPerDelegate / 1024, r.JoinSeconds,
                r.ServerCpu.Join, r.ServerCpu.FanOut, r.ServerCpu.Vote, r.BenchCpu.Cabinet, r.BenchCpu.Baseline, r.PayloadBytes,
                r.Annotations.Accepted, r.Annotations.PerSecond, r.Annotations.Added.P50, r.Annotations.Propagation.P50, r.Annotations.Propagation.P95,
                r.Annotations.Propagation.P99, r.Annotations.Propagation.Max, r.NotesBaseline.P50, r.NotesBaseline.P99,
                Quoted(r.Failures),
            ];
            csv.AppendLine(Line(values));
        }

        return csv.ToString();
    }

    /// <summary>One CSV line: numbers invariant, NaN and infinity empty.</summary>
    public static string Line(params object?[] values) => string.Join(',', values.Select(Format));

    public static string Quoted(string text) => '"' + text.Replace("\"", "'", StringComparison.Ordinal) + '"';

    private static string Format(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) || double.IsInfinity(d) => "",
        double d => d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
