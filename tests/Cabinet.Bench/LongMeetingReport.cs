using System.Text;
using static Cabinet.Bench.MarkdownReport;

namespace Cabinet.Bench;

/// <summary>The long-meeting scenario's own report (long-meeting.md/.csv, or long-meeting-redis.md/.csv): reported, never asserted.</summary>
public static class LongMeetingReport
{
    /// <summary>Issue 12: command p50 and p99 after the most entries within this factor of those after the fewest.</summary>
    public const double Target = 1.2;

    public static string Markdown(BenchOptions options, MachineInfo machine, LongMeetingRun run, Failures failures)
    {
        var md = new StringBuilder();
        md.AppendLine("# Cabinet long meeting: does a command cost the meeting's history?").AppendLine();
        md.AppendLine($"- Run: {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; command: `{options.CommandLine}`");
        md.AppendLine($"- Cabinet: Release build in its own process, {ModeText(run.Redis)}");
        md.AppendLine($"- Machine: {machine}");
        md.AppendLine($"- First {(options.Quick ? 20 : LongMeeting.WarmUp)} unmeasured commands on another meeting (warm-up). "
            + "Then the chair alone fills one meeting per checkpoint (NextItem / PreviousItem / GoToItem over the hub) until its ledger holds "
            + $"that many entries, then {options.LedgerSamples} commands are timed on each, one at a time and the meetings in turn (young, old, "
            + "young, …), so that every checkpoint is timed in the same seconds of the machine: call → CommandResult");
        md.AppendLine($"- Stored meeting state: {(run.Redis ? "the length of the `data` field of the meeting grain's Redis hash (HSTRLEN)" : "the size of the meeting grain's JSON file")}; "
            + "the ledger's journal is stored apart and not counted");
        md.AppendLine();
        md.AppendLine("| ledger entries | commands | p50 (ms) | p95 | p99 | max | stored meeting state (bytes) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in run.Rows)
        {
            md.AppendLine($"| {r.LedgerEntries} | {r.Commands.Count} | {F(r.Commands.P50)} | {F(r.Commands.P95)} | {F(r.Commands.P99)} | {F(r.Commands.Max)} "
                + $"| {(r.StateBytes < 0 ? "–" : r.StateBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))} |");
        }

        md.AppendLine().AppendLine("Target (reported, not asserted): " + Describe(run.Rows));
        md.AppendLine().AppendLine(failures.Total == 0 ? "No refused or failed command." : $"**{failures.Total} failed or refused operations** (see latest.md when the series ran).");
        return md.ToString();
    }

    public static string Csv(LongMeetingRun run)
    {
        var csv = new StringBuilder("ledger_entries,commands,p50_ms,p95_ms,p99_ms,max_ms,state_bytes\n");
        foreach (var r in run.Rows)
        {
            csv.AppendLine(CsvReport.Line(r.LedgerEntries, r.Commands.Count, r.Commands.P50, r.Commands.P95, r.Commands.P99, r.Commands.Max, r.StateBytes));
        }

        return csv.ToString();
    }

    private static string Describe(IReadOnlyList<LongMeetingRow> rows)
    {
        if (rows.Count < 2)
        {
            return $"command p50 and p99 after the most entries within {Target}× of those after the fewest: not measured (fewer than two checkpoints).";
        }

        var (first, last) = (rows[0], rows[^1]);
        var (p50, p99) = (last.Commands.P50 / first.Commands.P50, last.Commands.P99 / first.Commands.P99);
        return $"command p50 and p99 after {last.LedgerEntries} entries within {Target}× of those after {first.LedgerEntries}: "
            + $"p50 {F(last.Commands.P50)} against {F(first.Commands.P50)} ms = {F(p50, "0.00")}×, p99 {F(last.Commands.P99)} against "
            + $"{F(first.Commands.P99)} ms = {F(p99, "0.00")}× — {(p50 <= Target && p99 <= Target ? "met" : "not met")}.";
    }
}
