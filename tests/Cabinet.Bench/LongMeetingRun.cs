namespace Cabinet.Bench;

/// <summary>The long meeting in one storage mode: its checkpoints, in ledger order.</summary>
public sealed record LongMeetingRun(bool Redis, IReadOnlyList<LongMeetingRow> Rows)
{
    /// <summary>long-meeting for embedded mode, long-meeting-redis for Redis (.md and .csv).</summary>
    public string FileName => Redis ? "long-meeting-redis" : "long-meeting";
}
