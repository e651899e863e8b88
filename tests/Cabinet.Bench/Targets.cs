namespace Cabinet.Bench;

/// <summary>The capacity targets, compared with what was measured. Never asserted: a slow machine is not a failed build.</summary>
public static class Targets
{
    public static readonly string[] Notes =
    [
        "Latency = Stopwatch timestamp when a screen's MeetingEvent handler ran minus the timestamp just before the chair's call; "
            + "percentiles are nearest-rank over all screens × moves. Clients share the 2 cores with the server, for Cabinet and baseline alike.",
        "Memory per delegate = (server after N screens joined − before) / N: managed heap after a forced full GC (GET /api/diagnostics/memory, "
            + "administrators only) and VmRSS from /proc/<pid>/status. It includes the meeting's attendance state, not only the connection.",
        "Server CPU = utime + stime of the Cabinet process from /proc/<pid>/stat around each scenario. The baseline hub lives in the bench "
            + "process, so only the bench process's CPU (clients + baseline hub) is shown for it.",
        "The meeting is created with the chair alone and the delegates are added with AddParticipants in batches of 500 "
            + "(about 23 KB each), so every message stays far below the hub's 64 KiB limit at any size.",
    ];

    public static IEnumerable<string> Describe(IReadOnlyList<SeriesRow> rows)
    {
        var at1000 = rows.FirstOrDefault(r => r.N == 1000);
        yield return at1000 is null
            ? "Agenda fan-out p99 within 1.3× of bare SignalR at 1,000 delegates: not measured (no N = 1000 in this run)."
            : $"Agenda fan-out p99 within 1.3× of bare SignalR at 1,000 delegates: {MarkdownReport.F(at1000.Cabinet.P99)} ms against "
                + $"{MarkdownReport.F(at1000.Baseline.P99)} ms = {MarkdownReport.F(at1000.P99Ratio, "0.00")}× — {(at1000.P99Ratio <= 1.3 ? "met" : "not met")}.";

        var vote = rows.FirstOrDefault(r => r.N == 1000);
        if (vote is null)
        {
            yield return "1,000 signed ballots, none lost, final tally on every screen within 2 s: not measured (no N = 1000 in this run).";
        }
        else
        {
            var total = vote.Vote.ReceiptsMs + vote.Vote.Tally.Max;
            var intact = vote.Vote.Receipts == vote.Vote.Ballots && vote.Vote.CountMatches;
            yield return $"1,000 signed ballots acknowledged with none lost and the final tally on every screen within 2 s: {vote.Vote.Receipts}/{vote.Vote.Ballots} "
                + $"receipts in {MarkdownReport.F(vote.Vote.ReceiptsMs, "0")} ms, result on every screen {MarkdownReport.F(vote.Vote.Tally.Max, "0")} ms after "
                + $"ClosePoll ({MarkdownReport.F(total, "0")} ms together), count {(intact ? "exact" : "WRONG")} — {(intact && total <= 2000 ? "met" : "not met")}.";
        }

        foreach (var r in rows.Where(r => !double.IsNaN(r.ManagedBytesPerDelegate)))
        {
            var kib = r.ManagedBytesPerDelegate / 1024;
            yield return $"Server memory under 40 KiB per connected delegate at N = {r.N}: managed {MarkdownReport.F(kib)} KiB, "
                + $"RSS {MarkdownReport.F(r.ResidentBytesPerDelegate / 1024)} KiB — {(kib < 40 ? "met (managed)" : "not met (managed)")}"
                + $"{(r.ResidentBytesPerDelegate / 1024 < 40 ? ", met (RSS)" : ", not met (RSS)")}.";
        }
    }
}
