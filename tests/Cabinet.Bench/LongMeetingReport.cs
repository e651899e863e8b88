using System.Text;
using static Cabinet.Bench.MarkdownReport;

namespace Cabinet.Bench;

/// <summary>The long-meeting scenario's own report (long-meeting.md and long-meeting.csv): reported, never asserted.</summary>
public static class LongMeetingReport
{
    public static string Markdown(BenchOptions options, MachineInfo machine, IReadOnlyList<LongMeetingRow> rows, Failures failures)
    {
        var md = new StringBuilder();
        md.AppendLine("# Cabinet long meeting: does a command cost the meeting's history?").AppendLine();
        md.AppendLine($"- Run: {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; command: `{options.CommandLine}`");
        md.AppendLine($"- Cabinet: Release build in its own process, {(options.Redis ? "Redis mode (fresh redis-server, AOF everysec)" : "embedded mode (file storage, fsync per write)")}");
        md.AppendLine($"- Machine: {machine}");
        md.AppendLine($"- First {(options.Quick ? 20 : LongMeeting.WarmUp)} unmeasured commands on another meeting (warm-up). "
            + "Then the chair alone moves through the agenda (NextItem / PreviousItem / GoToItem over the hub) until the ledger holds each "
            + $"checkpoint's entries, then {options.LedgerSamples} commands are timed one at a time: call → CommandResult");
        md.AppendLine();
        md.AppendLine("| ledger entries | commands | p50 (ms) | p95 | p99 | max | stored meeting state (bytes) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            md.AppendLine($"| {r.LedgerEntries} | {r.Commands.Count} | {F(r.Commands.P50)} | {F(r.Commands.P95)} | {F(r.Commands.P99)} | {F(r.Commands.Max)} "
                + $"| {(r.StateBytes < 0 ? "–" : r.StateBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))} |");
        }

        md.AppendLine().AppendLine(failures.Total == 0 ? "No refused or failed command." : $"**{failures.Total} failed or refused operations** (see latest.md when the series ran).");
        return md.ToString();
    }

    public static string Csv(IReadOnlyList<LongMeetingRow> rows)
    {
        var csv = new StringBuilder("ledger_entries,commands,p50_ms,p95_ms,p99_ms,max_ms,state_bytes\n");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(',', new object[] { r.LedgerEntries, r.Commands.Count, r.Commands.P50, r.Commands.P95, r.Commands.P99, r.Commands.Max, r.StateBytes }
                .Select(v => v is double d ? d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return csv.ToString();
    }
}
