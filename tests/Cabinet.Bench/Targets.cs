using Cabinet.Meetings;
using static Cabinet.Bench.MarkdownReport;

namespace Cabinet.Bench;

/// <summary>Issue 12's capacity targets, compared with what was measured. Never asserted: a slow machine is not a failed build.</summary>
public static class Targets
{
    /// <summary>Sizes at which Cabinet's fan-out p99 should stay within <see cref="FanOutRatio"/> of bare SignalR.</summary>
    public static readonly int[] FanOutSizes = [1000, 3000];
    public const double FanOutRatio = 1.3;

    /// <summary>Ballots cast at once that must all be receipted, and the tally on every screen, within <see cref="VoteMs"/>.</summary>
    public const int VoteSize = 3000;
    public const double VoteMs = 3000;

    /// <summary>Delegates at which a shared annotation must reach every other screen within <see cref="AnnotationP99Ms"/> (p99).</summary>
    public const int AnnotationSize = 1000;
    public const double AnnotationP99Ms = 100;

    /// <summary>Managed heap per joined delegate, at every size.</summary>
    public const double KiBPerDelegate = 40;

    /// <summary>Past meetings of the person whose first page of "my meetings" is timed.</summary>
    public const int ListedMeetings = 5000;

    public static readonly string[] Notes =
    [
        "Latency = Stopwatch timestamp when a screen's MeetingEvent handler ran minus the timestamp just before the chair's call; "
            + "percentiles are nearest-rank over all screens × moves. Clients share the 2 cores with the server, for Cabinet and baseline alike.",
        "Memory per delegate = (server after N screens joined − before) / N: managed heap after a forced full GC (GET /api/diagnostics/memory, "
            + "administrators only) and VmRSS from /proc/<pid>/status. It includes the meeting's attendance state, not only the connection. "
            + "Both snapshots are taken 8 s after the last change, once the participants' meeting indexes and notice boxes have left memory (5 s after the "
            + $"meeting's last write to them), and after a warm-up meeting of {SizeRun.WarmUpDelegates} other delegates, so the process's one-time costs "
            + "(serializers and invokers built on first use) are not counted per delegate of the first size.",
        "Server CPU = utime + stime of the Cabinet process from /proc/<pid>/stat around each scenario. The baseline hub lives in the bench "
            + "process, so only the bench process's CPU (clients + baseline hub) is shown for it.",
        $"The meeting is created with the chair alone and the delegates are added with AddParticipants in batches of {ParticipantBatch.MaxSize} "
            + "(about 23 KB each, roles as the documented strings), so every message stays far below the hub's 64 KiB limit at any size.",
    ];

    public static IEnumerable<string> Describe(IReadOnlyList<SeriesRow> rows, ListingResult listing)
    {
        foreach (var n in FanOutSizes)
        {
            var at = rows.FirstOrDefault(r => r.N == n);
            yield return at is null
                ? $"Agenda fan-out p99 within {FanOutRatio}× of bare SignalR at {n:N0} delegates: not measured (no N = {n} in this run)."
                : $"Agenda fan-out p99 within {FanOutRatio}× of bare SignalR at {n:N0} delegates: {F(at.Cabinet.P99)} ms against "
                    + $"{F(at.Baseline.P99)} ms = {F(at.P99Ratio, "0.00")}× — {Verdict(at.P99Ratio <= FanOutRatio)}.";
        }

        var vote = rows.FirstOrDefault(r => r.N == VoteSize)?.Vote;
        if (vote is null)
        {
            yield return $"{VoteSize:N0} signed ballots receipted, none lost, and the tally on every screen within {VoteMs / 1000:0} s: not measured (no N = {VoteSize} in this run).";
        }
        else
        {
            var total = vote.ReceiptsMs + vote.Tally.Max;
            var intact = vote.Receipts == vote.Ballots && vote.CountMatches;
            yield return $"{VoteSize:N0} signed ballots receipted, none lost, and the tally on every screen within {VoteMs / 1000:0} s: {vote.Receipts}/{vote.Ballots} "
                + $"receipts in {F(vote.ReceiptsMs, "0")} ms, result on every screen {F(vote.Tally.Max, "0")} ms after ClosePoll "
                + $"({F(total, "0")} ms together), count {(intact ? "exact" : "WRONG")} — {Verdict(intact && total <= VoteMs)}.";
        }

        var annotations = rows.FirstOrDefault(r => r.N == AnnotationSize)?.Annotations;
        yield return annotations is null
            ? $"A shared annotation on every other screen at p99 ≤ {AnnotationP99Ms:0} ms with {AnnotationSize:N0} delegates: not measured (no N = {AnnotationSize} in this run)."
            : $"A shared annotation on every other screen at p99 ≤ {AnnotationP99Ms:0} ms with {AnnotationSize:N0} delegates: p99 {F(annotations.Propagation.P99)} ms "
                + $"({annotations.Accepted}/{annotations.Attempted} shared) — {Verdict(annotations.Propagation.P99 <= AnnotationP99Ms)}.";

        foreach (var r in rows.Where(r => !double.IsNaN(r.ManagedBytesPerDelegate)))
        {
            var kib = r.ManagedBytesPerDelegate / 1024;
            yield return $"Managed heap ≤ {KiBPerDelegate:0} KiB per connected delegate at N = {r.N}: {F(kib)} KiB (RSS {F(r.ResidentBytesPerDelegate / 1024)} KiB) "
                + $"— {Verdict(kib <= KiBPerDelegate)}.";
        }

        yield return $"First page of My meetings for a person with {ListedMeetings:N0} past meetings (reported): "
            + (listing.Meetings == ListedMeetings ? "" : $"measured with {listing.Meetings:N0} past meetings, not {ListedMeetings:N0}; ")
            + $"p50 {F(listing.FirstPage.P50)} ms, p99 {F(listing.FirstPage.P99)} ms over {listing.FirstPage.Count} calls.";
    }

    private static string Verdict(bool met) => met ? "met" : "not met";
}
