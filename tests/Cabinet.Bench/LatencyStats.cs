using System.Diagnostics;

namespace Cabinet.Bench;

/// <summary>Nearest-rank percentiles of latency samples (milliseconds).</summary>
public sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    public static readonly LatencyStats Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    public static LatencyStats Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? Empty : new LatencyStats(sorted.Length, At(sorted, 50), At(sorted, 95), At(sorted, 99), sorted[^1]);
    }

    /// <summary>Milliseconds between two <see cref="Stopwatch.GetTimestamp"/> readings.</summary>
    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static double At(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
