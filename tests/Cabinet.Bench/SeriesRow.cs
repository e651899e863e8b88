namespace Cabinet.Bench;

/// <summary>Everything measured at one number of delegates.</summary>
public sealed record SeriesRow(int N, int Connected, int BaselineConnected, double JoinSeconds)
{
    public LatencyStats Cabinet { get; init; } = LatencyStats.Empty;

    public LatencyStats Baseline { get; init; } = LatencyStats.Empty;

    public VoteBurstResult Vote { get; init; } = VoteBurstResult.NotRun;

    public AnnotationStreamResult Annotations { get; init; } = AnnotationStreamResult.NotRun;

    /// <summary>The same stream of notes on the bare hub: author's call → the push on each other screen (ms).</summary>
    public LatencyStats NotesBaseline { get; init; } = LatencyStats.Empty;

    public double ManagedBytesPerDelegate { get; init; } = double.NaN;

    public double ResidentBytesPerDelegate { get; init; } = double.NaN;

    /// <summary>Server CPU seconds while the delegates connected and joined, during the fan-out, during the vote burst.</summary>
    public (double Join, double FanOut, double Vote) ServerCpu { get; init; } = (double.NaN, double.NaN, double.NaN);

    /// <summary>This process's CPU seconds during each fan-out: the clients for Cabinet; clients and hub for the baseline.</summary>
    public (double Cabinet, double Baseline) BenchCpu { get; init; } = (double.NaN, double.NaN);

    public int PayloadBytes { get; init; }

    public string Failures { get; init; } = "";

    public double P99Ratio => Cabinet.P99 / Baseline.P99;
}
