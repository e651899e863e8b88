namespace Cabinet.Bench;

/// <param name="ReceiptsMs">From the first ballot sent until the last receipt came back.</param>
/// <param name="Tally">From the chair's ClosePoll until each screen received <c>poll.closed</c> with the result.</param>
/// <param name="Counted">The ballot count in the signed result (null when the poll did not close).</param>
public sealed record VoteBurstResult(int Ballots, int Receipts, double ReceiptsMs, LatencyStats Tally, long? Counted)
{
    public static readonly VoteBurstResult NotRun = new(0, 0, double.NaN, LatencyStats.Empty, null);

    public double BallotsPerSecond => Receipts / (ReceiptsMs / 1000.0);

    public bool CountMatches => Counted == Receipts;
}
