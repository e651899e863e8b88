namespace Cabinet.Meetings;

/// <summary>
/// How often a meeting pushes the live count of ballots cast: every 100 ms for up to 300 open screens, then more
/// rarely as the audience grows (one push per 1/3 ms of screens, at most one a second), so a burst of ballots costs a
/// meeting at most ≈ 3,000 count messages a second over all its screens, whatever its size. At 3,000 screens a push
/// every 100 ms was ten fan-outs a second queued in front of the voters' own receipts.
/// </summary>
public static class ParticipationPace
{
    public static readonly TimeSpan Fastest = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Slowest = TimeSpan.FromSeconds(1);
    private const int ScreensPerMillisecond = 3;

    public static TimeSpan For(int openScreens)
    {
        var paced = TimeSpan.FromMilliseconds(Math.Max(0, openScreens) / ScreensPerMillisecond);
        return paced < Fastest ? Fastest : paced > Slowest ? Slowest : paced;
    }
}
