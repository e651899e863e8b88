using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Testing;

namespace Cabinet.Bench;

/// <summary>
/// The long meeting: the chair alone moves through the agenda until the ledger holds each checkpoint's number of
/// entries (unmeasured), then times the next commands one at a time (after a warm-up on a meeting of its own). A command should cost its own change, so the
/// latency after 10,000 entries should match the latency after 100.
/// </summary>
public static class LongMeeting
{
    /// <summary>Commands made first on a meeting of their own, so the first checkpoint is not timed while code is still being compiled.</summary>
    public const int WarmUp = 2000;

    public static async Task<IReadOnlyList<LongMeetingRow>> RunAsync(BenchOptions options, CabinetServer server, BenchClient chair, Failures failures)
    {
        var warmUp = await CabinetMeeting.CreateAsync(chair, [], failures);
        if (warmUp is null || await warmUp.CommandAsync(nameof(MeetingHub.OpenMeeting), warmUp.Id) is null)
        {
            return [];
        }

        for (var i = 0; i < (options.Quick ? 20 : WarmUp); i++)
        {
            await warmUp.MoveAsync(i);
        }

        var meeting = await CabinetMeeting.CreateAsync(chair, [], failures);
        if (meeting is null || await meeting.CommandAsync(nameof(MeetingHub.OpenMeeting), meeting.Id) is not { } version)
        {
            return [];
        }

        var rows = new List<LongMeetingRow>();
        var move = 0;
        foreach (var checkpoint in options.LedgerCheckpoints)
        {
            var filling = Stopwatch.GetTimestamp();
            while (version < checkpoint)
            {
                if (await meeting.MoveAsync(move++) is not { } next)
                {
                    return rows;
                }

                version = next;
            }

            BenchRun.Log($"long meeting: {version} ledger entries (filled in {Stopwatch.GetElapsedTime(filling).TotalSeconds:0.0} s)");
            var samples = new List<double>(options.LedgerSamples);
            for (var i = 0; i < options.LedgerSamples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                if (await meeting.MoveAsync(move++) is not { } next)
                {
                    return rows;
                }

                samples.Add(LatencyStats.Milliseconds(start, Stopwatch.GetTimestamp()));
                version = next;
            }

            rows.Add(new LongMeetingRow(checkpoint, LatencyStats.Of(samples), await StoredState.BytesAsync(server.Options, meeting.Id)));
            BenchRun.Log($"long meeting at {checkpoint} entries: p50 {rows[^1].Commands.P50:0.0} ms, p99 {rows[^1].Commands.P99:0.0} ms");
        }

        return rows;
    }
}
