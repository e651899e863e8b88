using System.Text;
using static Cabinet.Bench.MarkdownReport;

namespace Cabinet.Bench;

/// <summary>The many-meetings scenario's own report (many-meetings.md and many-meetings.csv): reported, never asserted.</summary>
public static class ManyMeetingsReport
{
    public static string Markdown(BenchOptions options, MachineInfo machine, string load, ManyMeetingsResult r, Failures failures)
    {
        var md = new StringBuilder();
        md.AppendLine("# Cabinet with many live meetings on one host").AppendLine();
        md.AppendLine($"- Run: {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; command: `{options.CommandLine}`");
        md.AppendLine($"- Cabinet: Release build in its own process, {ModeText(options.Redis)}");
        md.AppendLine($"- Machine: {machine}");
        md.AppendLine($"- Load average (1, 5, 15 min): {load}");
        md.AppendLine($"- {r.Meetings} meetings of {r.DelegatesPerMeeting} delegates, every screen a different person with its own WebSocket "
            + $"(created through AddParticipants, {r.Meetings * r.DelegatesPerMeeting} screens in all); the chair `chutich` holds {r.Chairs} "
            + "connections and drives an equal share of the meetings from each, one command at a time per connection");
        md.AppendLine($"- Fan-out: {options.Moves} rounds (after {FanOut.WarmUp} unmeasured); in each round every meeting's chair moves once "
            + $"(NextItem / PreviousItem / GoToItem), {r.Chairs} moves in flight at once; latency = the chair's call → the MeetingEvent "
            + "on each screen of that meeting (Stopwatch, one process)");
        md.AppendLine();
        md.AppendLine(failures.Total == 0
            ? "**Every update arrived on every screen of every meeting.**"
            : $"**FAILED: {failures.Total} failed or refused operations (see Failures). The run exits non-zero.**");
        md.AppendLine().AppendLine("| meetings | live | screens | join: wall (s) | server CPU join (s) | moves | moves/s | fan-out p50 (ms) | p95 | p99 | max | server CPU fan-out (s) | managed heap / screen (KiB) | RSS / screen (KiB) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine($"| {r.Meetings} × {r.DelegatesPerMeeting} | {r.Live} | {r.Connected} | {F(r.JoinSeconds)} | {F(r.JoinCpu)} | {r.Moves} | {F(r.MovesPerSecond)} "
            + $"| {F(r.FanOut.P50)} | {F(r.FanOut.P95)} | {F(r.FanOut.P99)} | {F(r.FanOut.Max)} | {F(r.FanOutCpu, "0.00")} "
            + $"| {F(r.ManagedBytesPerScreen / 1024)} | {F(r.ResidentBytesPerScreen / 1024)} |");
        AppendFailures(md, failures);
        md.AppendLine().AppendLine("Memory per screen = (server after every screen joined − before the meetings were created) / screens: managed heap after a "
            + "forced full GC and VmRSS, as in latest.md; it includes the meetings themselves.");
        return md.ToString();
    }

    public static string Csv(ManyMeetingsResult r) =>
        "meetings,delegates_per_meeting,live,screens,join_s,server_cpu_join_s,moves,moves_per_s,fanout_p50_ms,fanout_p95_ms,fanout_p99_ms,fanout_max_ms,"
        + "server_cpu_fanout_s,managed_kib_per_screen,rss_kib_per_screen,failures\n"
        + CsvReport.Line(r.Meetings, r.DelegatesPerMeeting, r.Live, r.Connected, r.JoinSeconds, r.JoinCpu, r.Moves, r.MovesPerSecond, r.FanOut.P50,
            r.FanOut.P95, r.FanOut.P99, r.FanOut.Max, r.FanOutCpu, r.ManagedBytesPerScreen / 1024, r.ResidentBytesPerScreen / 1024, CsvReport.Quoted(r.Failures))
        + "\n";
}
