using System.Text;

namespace Cabinet.Bench;

/// <summary>The human-readable report: what ran where, the tables, the targets (measured, never asserted), every failure.</summary>
public static class MarkdownReport
{
    public static string Write(BenchOptions options, MachineInfo machine, string load, IReadOnlyList<SeriesRow> rows, ListingResult listing, Failures failures, TimeSpan elapsed)
    {
        var md = new StringBuilder();
        md.AppendLine("# Cabinet capacity: real SignalR clients against Cabinet and a bare SignalR hub").AppendLine();
        md.AppendLine($"- Run: {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {elapsed.TotalMinutes:0.0} min in all");
        md.AppendLine($"- Command: `{options.CommandLine}`");
        md.AppendLine($"- Cabinet: Release build of web/Cabinet.Web in its own process, {ModeText(options.Redis)}");
        md.AppendLine($"- Machine: {machine}");
        md.AppendLine($"- Load average (1, 5, 15 min): {load} — other builds on the machine count against both sides");
        md.AppendLine($"- {options.Moves} measured agenda moves per size (after {FanOut.WarmUp} unmeasured), one at a time; all clients, the baseline hub and the clock (Stopwatch) in the bench process");
        md.AppendLine();
        md.AppendLine(failures.Total == 0
            ? "**Every update arrived on every screen and every ballot with a receipt was counted.**"
            : $"**FAILED: {failures.Total} failed or refused operations (see Failures). The run exits non-zero.**");
        md.AppendLine().AppendLine("## Agenda fan-out: chair's call → MeetingEvent applied on each screen (ms)").AppendLine();
        md.AppendLine("| N | screens | Cabinet p50 | p95 | p99 | max | baseline p50 | p95 | p99 | max | p99 Cabinet/baseline |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            md.AppendLine($"| {r.N} | {r.Connected} | {F(r.Cabinet.P50)} | {F(r.Cabinet.P95)} | {F(r.Cabinet.P99)} | {F(r.Cabinet.Max)} "
                + $"| {F(r.Baseline.P50)} | {F(r.Baseline.P95)} | {F(r.Baseline.P99)} | {F(r.Baseline.Max)} | {F(r.P99Ratio, "0.00")}× |");
        }

        md.AppendLine().AppendLine("## Vote burst: N signed ballots at once, then the chair closes the poll").AppendLine();
        md.AppendLine("| N | ballots | receipts | all receipts (ms) | ballots/s | close → result on screens p50 / p99 / max (ms) | burst + result everywhere (ms) | counted | check |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var v in rows.Select(r => (r.N, r.Vote)))
        {
            md.AppendLine($"| {v.N} | {v.Vote.Ballots} | {v.Vote.Receipts} | {F(v.Vote.ReceiptsMs, "0")} | {F(v.Vote.BallotsPerSecond, "0")} "
                + $"| {F(v.Vote.Tally.P50)} / {F(v.Vote.Tally.P99)} / {F(v.Vote.Tally.Max)} | {F(v.Vote.ReceiptsMs + v.Vote.Tally.Max, "0")} "
                + $"| {v.Vote.Counted?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"} "
                + $"| {(v.Vote.Ballots > 0 && v.Vote.Receipts == v.Vote.Ballots && v.Vote.CountMatches ? "none lost, count = receipts" : "**LOST OR MISCOUNTED**")} |");
        }

        md.AppendLine().AppendLine($"## Shared annotations: {SharedAnnotations.Annotators} delegates share notes in turn, one every {SharedAnnotations.Interval.TotalMilliseconds:0} ms, after {FanOut.WarmUp} unmeasured").AppendLine();
        md.AppendLine("| N | authors | shared | per second | AddAnnotation → stored p50 / p99 (ms) | → every other screen p50 | p95 | p99 | max (ms) | bare SignalR p50 / p99 (ms) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (n, a, bare) in rows.Select(r => (r.N, r.Annotations, r.NotesBaseline)))
        {
            md.AppendLine($"| {n} | {a.Annotators} | {a.Accepted}/{a.Attempted} | {F(a.PerSecond)} | {F(a.Added.P50)} / {F(a.Added.P99)} "
                + $"| {F(a.Propagation.P50)} | {F(a.Propagation.P95)} | {F(a.Propagation.P99)} | {F(a.Propagation.Max)} | {F(bare.P50)} / {F(bare.P99)} |");
        }

        md.AppendLine().AppendLine("## My meetings: the first page for a secretary with many past meetings").AppendLine();
        md.AppendLine("| past meetings | created in (s) | first page: items | calls | p50 (ms) | p99 (ms) | max (ms) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine($"| {listing.Meetings} | {F(listing.CreateSeconds)} | {listing.FirstPageItems} | {listing.FirstPage.Count} | {F(listing.FirstPage.P50)} "
            + $"| {F(listing.FirstPage.P99)} | {F(listing.FirstPage.Max)} |");

        md.AppendLine().AppendLine("## Server cost").AppendLine();
        md.AppendLine("| N | managed heap / delegate (KiB) | RSS / delegate (KiB) | join: wall (s) | server CPU (s): join / fan-out / vote | bench CPU in fan-out (s): Cabinet / baseline | event (bytes) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            md.AppendLine($"| {r.N} | {F(r.ManagedBytesPerDelegate / 1024)} | {F(r.ResidentBytesPerDelegate / 1024)} | {F(r.JoinSeconds)} "
                + $"| {F(r.ServerCpu.Join, "0.00")} / {F(r.ServerCpu.FanOut, "0.00")} / {F(r.ServerCpu.Vote, "0.00")} "
                + $"| {F(r.BenchCpu.Cabinet, "0.00")} / {F(r.BenchCpu.Baseline, "0.00")} | {r.PayloadBytes} |");
        }

        md.AppendLine().AppendLine("## Targets (reported, not asserted)").AppendLine();
        foreach (var line in Targets.Describe(rows, listing))
        {
            md.AppendLine("- " + line);
        }

        md.AppendLine().AppendLine("## Scenarios").AppendLine();
        md.AppendLine("- fan-out: NextItem / PreviousItem / GoToItem by the chair on a live meeting whose N delegates have all joined");
        md.AppendLine("- vote burst: OpenPoll (present delegates and chair), N ballots signed with registered ECDSA P-256 device keys, ClosePoll; after one unmeasured vote of a tenth of the delegates (the process's first vote compiles the vote path)");
        md.AppendLine("- annotations: the chair uploads a 23-page PDF (POST …/documents), then delegates open it (GetDocumentAccess, ListAnnotations) and share "
            + $"notes on it (AddAnnotation, shared) in turn at a steady rate, {SharedAnnotations.Annotators * SharedAnnotations.PerAnnotator} measured after {FanOut.WarmUp} unmeasured; every other screen must receive each AnnotationChanged push");
        md.AppendLine("- my meetings: the chair creates the past meetings through CreateMeeting (8 at a time, one every 6 hours back from "
            + "yesterday) with the secretary invited; the secretary then calls ListMyMeetingsPage(null) one call at a time, read from the indexes");
        md.AppendLine("- baseline: the same fan-out on a minimal SignalR hub in this process (Kestrel, same JSON settings, the same MeetingEvent "
            + "copied from Cabinet's run, same N fresh screens), and the same stream of notes with Cabinet's last note push as the payload, "
            + "sent to the other screens of the group");
        md.AppendLine("- many meetings and the long meeting have their own reports: many-meetings.md, long-meeting.md (embedded), long-meeting-redis.md (Redis)");
        AppendFailures(md, failures);
        md.AppendLine().AppendLine("## How to read it").AppendLine();
        foreach (var note in Targets.Notes)
        {
            md.AppendLine("- " + note);
        }

        md.AppendLine().AppendLine("![latency percentiles against N](latest.png)");
        return md.ToString();
    }

    /// <summary>The "Failures" section: every kind with its count, then a few examples of each.</summary>
    public static void AppendFailures(StringBuilder md, Failures failures)
    {
        md.AppendLine().AppendLine("## Failures").AppendLine();
        md.AppendLine(failures.Total == 0 ? "None: no connect failure, refused command, missing event, ballot without receipt or miscount." : "");
        foreach (var (kind, count) in failures.Counts)
        {
            md.AppendLine($"- {kind}: {count}");
        }

        foreach (var example in failures.Examples)
        {
            md.AppendLine($"  - {example}");
        }
    }

    public static string ModeText(bool redis) =>
        redis ? "Redis mode (fresh redis-server, AOF everysec)" : "embedded mode (file storage, fsync per write)";

    public static string F(double value, string format = "0.0") =>
        double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
