using System.Diagnostics;

namespace Cabinet.Bench;

/// <summary>
/// The agenda fan-out: one command at a time; for each, the time from just before the call until each screen
/// received the event of the version the command produced. Screens that never get it are lost updates.
/// </summary>
public static class FanOut
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Moves made first and not measured, so neither side is timed while its code paths are still being compiled.</summary>
    public const int WarmUp = 2;

    /// <param name="move">Makes move i and returns the version it produced (null when it was refused; recorded there).</param>
    public static async Task<LatencyStats> RunAsync(IReadOnlyList<BenchClient> screens, int moves, Func<int, Task<long?>> move, Failures failures, string label)
    {
        var samples = new List<double>(screens.Count * moves);
        // Both sides start from a collected heap in this process, so neither pays for the other's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (var i = -WarmUp; i < moves; i++)
        {
            await MoveAsync(screens, () => move(i + WarmUp), i >= 0 ? samples : null, failures, $"{label}: move {i + 1}");
            await Task.Delay(20);
        }

        return LatencyStats.Of(samples);
    }

    /// <summary>
    /// One move: waits until every screen has the version it produced (or <see cref="Patience"/>), adds each screen's
    /// latency to <paramref name="samples"/> (null: unmeasured) and counts what the screens missed since their last move.
    /// </summary>
    public static async Task MoveAsync(IReadOnlyList<BenchClient> screens, Func<Task<long?>> move, List<double>? samples, Failures failures, string label)
    {
        var start = Stopwatch.GetTimestamp();
        if (await move() is not { } version)
        {
            return;
        }

        await Arrivals.WaitAllAsync(screens, version, Patience);
        foreach (var screen in screens)
        {
            if (samples is not null && screen.ArrivalOf(version) is { } at)
            {
                samples.Add(LatencyStats.Milliseconds(start, at));
            }
        }

        // Also counts anything else the screens should have had since the last move.
        var lost = screens.Sum(s => s.Settle(version));
        failures.Add(Failures.MissingEvent, $"{label} (version {version}) missing on screens", lost);
    }
}
