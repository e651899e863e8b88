namespace Cabinet.Bench;

/// <summary>The many-meetings scenario: how many meetings and screens, the joins, and the agenda fan-out across all of them.</summary>
/// <param name="Live">Meetings created, scheduled and joined by their chair (the others were refused; recorded).</param>
/// <param name="JoinCpu">Server CPU seconds while every screen connected and joined its meeting.</param>
public sealed record ManyMeetingsResult(int Meetings, int DelegatesPerMeeting, int Live, int Connected, double JoinSeconds, double JoinCpu)
{
    /// <summary>Chair's call → event on each screen of that meeting, over all screens × measured moves (ms).</summary>
    public LatencyStats FanOut { get; init; } = LatencyStats.Empty;

    /// <summary>Chair connections, each with one move in flight.</summary>
    public int Chairs { get; init; }

    public int Moves { get; init; }

    public double MovesPerSecond { get; init; } = double.NaN;

    /// <summary>Server CPU seconds during the measured moves.</summary>
    public double FanOutCpu { get; init; } = double.NaN;

    public double ManagedBytesPerScreen { get; init; } = double.NaN;

    public double ResidentBytesPerScreen { get; init; } = double.NaN;

    public string Failures { get; init; } = "";
}
