using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Testing;

namespace Cabinet.Bench;

/// <summary>
/// The long meeting: after a warm-up on a meeting of its own, the chair fills one meeting per checkpoint until its
/// ledger holds that many entries (unmeasured), then times commands on those meetings in turn — one on the young
/// meeting, one on the old, and again — so that both are timed in the same seconds of the same machine. A command
/// should cost its own change, so the latency after 10,000 entries should match the latency after 100. (Timed one
/// checkpoint after the other, each command waiting for its own fsync, the ratio swung 0.5×–1.6× between runs of one
/// build as the machine's load changed between the two windows.)
/// </summary>
public static class LongMeeting
{
    /// <summary>Commands made first on a meeting of their own, so the first checkpoint is not timed while code is still being compiled.</summary>
    public const int WarmUp = 2000;

    public static async Task<IReadOnlyList<LongMeetingRow>> RunAsync(BenchOptions options, CabinetServer server, BenchClient chair, Failures failures)
    {
        var warmUp = await OpenAsync(chair, failures);
        for (var i = 0; warmUp is not null && i < (options.Quick ? 20 : WarmUp); i++)
        {
            await warmUp.Value.Meeting.MoveAsync(i);
        }

        var meetings = new List<Filled>();
        foreach (var checkpoint in options.LedgerCheckpoints)
        {
            if (await OpenAsync(chair, failures) is not { } opened || await FillAsync(opened, checkpoint) is not { } filled)
            {
                return [];
            }

            meetings.Add(filled);
        }

        var samples = meetings.Select(_ => new List<double>(options.LedgerSamples)).ToArray();
        for (var i = 0; i < options.LedgerSamples; i++)
        {
            for (var m = 0; m < meetings.Count; m++)
            {
                var start = Stopwatch.GetTimestamp();
                if (await meetings[m].Meeting.MoveAsync(meetings[m].Moves++) is null)
                {
                    return [];
                }

                samples[m].Add(LatencyStats.Milliseconds(start, Stopwatch.GetTimestamp()));
            }
        }

        var rows = new List<LongMeetingRow>();
        for (var m = 0; m < meetings.Count; m++)
        {
            rows.Add(new LongMeetingRow(meetings[m].Checkpoint, LatencyStats.Of(samples[m]), await StoredState.BytesAsync(server.Options, meetings[m].Meeting.Id)));
            BenchRun.Log($"long meeting at {rows[^1].LedgerEntries} entries: p50 {rows[^1].Commands.P50:0.0} ms, p99 {rows[^1].Commands.P99:0.0} ms");
        }

        return rows;
    }

    private static async Task<(CabinetMeeting Meeting, long Version)?> OpenAsync(BenchClient chair, Failures failures) =>
        await CabinetMeeting.CreateAsync(chair, [], failures) is { } meeting
            && await meeting.CommandAsync(nameof(MeetingHub.OpenMeeting), meeting.Id) is { } version
            ? (meeting, version) : null;

    private static async Task<Filled?> FillAsync((CabinetMeeting Meeting, long Version) opened, int checkpoint)
    {
        var (meeting, version) = opened;
        var filling = Stopwatch.GetTimestamp();
        var moves = 0;
        while (version < checkpoint)
        {
            if (await meeting.MoveAsync(moves++) is not { } next)
            {
                return null;
            }

            version = next;
        }

        BenchRun.Log($"long meeting: {version} ledger entries (filled in {Stopwatch.GetElapsedTime(filling).TotalSeconds:0.0} s)");
        return new Filled(meeting, checkpoint) { Moves = moves };
    }

    /// <summary>A meeting filled to its checkpoint, and how many moves it has made (the next move's number).</summary>
    private sealed record Filled(CabinetMeeting Meeting, int Checkpoint)
    {
        public int Moves { get; set; }
    }
}
