using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Testing;

namespace Cabinet.Bench;

/// <summary>
/// Many meetings on one host: M live meetings of D delegates each (every screen a different person), all joined; then
/// each meeting's chair moves through its agenda, one round of moves across all the meetings after another, with
/// <see cref="Chairs"/> moves in flight at once; latency = the chair's call → the event on each screen of that meeting.
/// </summary>
public static class ManyMeetings
{
    /// <summary>
    /// Chair connections (one person may hold 10): the hub runs one call per connection at a time, so each connection
    /// drives its own share of the meetings, one command after another, and no command waits behind another's.
    /// </summary>
    public const int Chairs = 8;

    public static async Task<ManyMeetingsResult> RunAsync(
        BenchOptions options, Failures failures, CabinetServer server, ServerProbe probe, HubClients clients, BenchAccount chair, IReadOnlyList<BenchAccount> accounts)
    {
        var before = failures.Counts;
        var (count, size) = options.Many;
        var hub = new Uri(server.BaseAddress, MeetingHub.Path);
        var (managed0, resident0) = await probe.SettledMemoryAsync(options);
        var chairs = await clients.ConnectAllAsync(hub, [.. Enumerable.Repeat(chair, Math.Min(Chairs, count))], _ => Task.FromResult(true), failures);
        var meetings = new CabinetMeeting?[count];
        await InTurnsAsync(count, chairs.Count, async m =>
            meetings[m] = await CabinetMeeting.CreateAsync(chairs[m % chairs.Count], [.. accounts.Skip(m * size).Take(size)], failures));
        BenchRun.Log($"  {meetings.Count(m => m is not null)} meetings of {size} delegates created");

        var meetingOf = Enumerable.Range(0, count).Where(m => meetings[m] is not null)
            .SelectMany(m => accounts.Skip(m * size).Take(size).Select(a => (Account: a, Meeting: m)))
            .ToDictionary(x => x.Account, x => x.Meeting);
        var (cpu, joining) = (probe.CpuSeconds(), Stopwatch.GetTimestamp());
        var screens = await clients.ConnectAllAsync(hub, [.. meetingOf.Keys], c => meetings[meetingOf[c.Account!]]!.JoinAsync(c), failures);
        var (joinSeconds, joinCpu) = (Stopwatch.GetElapsedTime(joining).TotalSeconds, probe.CpuSeconds() - cpu);
        BenchRun.Log($"  {screens.Count} screens joined in {joinSeconds:0.0} s (server CPU {joinCpu:0.0} s)");
        var screensOf = Enumerable.Range(0, count).Select(m => screens.Where(s => meetingOf[s.Account!] == m).ToList()).ToArray();
        await InTurnsAsync(count, chairs.Count, async m =>
        {
            if (meetings[m] is { } meeting && await meeting.CommandAsync(nameof(MeetingHub.OpenMeeting), meeting.Id) is { } opened)
            {
                await Arrivals.WaitAllAsync(screensOf[m], opened, TimeSpan.FromMinutes(2));
                failures.Add(Failures.MissingEvent, $"meeting {m + 1}: presence or opening events missing on screens", screensOf[m].Sum(s => s.Settle(opened)));
            }
        });

        var (managed1, resident1) = await probe.SettledMemoryAsync(options);
        var samples = new List<double>(screens.Count * options.Moves);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (moving, fanOutCpu) = (0L, 0.0);
        for (var round = -FanOut.WarmUp; round < options.Moves; round++)
        {
            if (round == 0)
            {
                (moving, fanOutCpu) = (Stopwatch.GetTimestamp(), probe.CpuSeconds());
            }

            var measured = round >= 0;
            await InTurnsAsync(count, chairs.Count, async m =>
            {
                if (meetings[m] is not { } meeting)
                {
                    return;
                }

                var own = measured ? new List<double>(size) : null;
                await FanOut.MoveAsync(screensOf[m], () => meeting.MoveAsync(round + FanOut.WarmUp), own, failures, $"meeting {m + 1}: move {round + 1}");
                lock (samples)
                {
                    samples.AddRange(own ?? []);
                }
            });
        }

        var (fanOutSeconds, fanOutCpuSeconds) = (Stopwatch.GetElapsedTime(moving).TotalSeconds, probe.CpuSeconds() - fanOutCpu);
        await InTurnsAsync(count, chairs.Count, async m =>
        {
            if (meetings[m] is { } meeting)
            {
                await meeting.CommandAsync(nameof(MeetingHub.CloseMeeting), meeting.Id);
            }
        });
        await HubClients.DisposeAllAsync([.. screens, .. chairs]);
        var live = meetings.Count(m => m is not null);
        return new ManyMeetingsResult(count, size, live, screens.Count, joinSeconds, joinCpu)
        {
            FanOut = LatencyStats.Of(samples),
            Chairs = chairs.Count,
            Moves = live * options.Moves,
            MovesPerSecond = live * options.Moves / fanOutSeconds,
            FanOutCpu = fanOutCpuSeconds,
            ManagedBytesPerScreen = (managed1 - managed0) / (double)Math.Max(1, screens.Count),
            ResidentBytesPerScreen = (resident1 - resident0) / (double)Math.Max(1, screens.Count),
            Failures = failures.Since(before),
        };
    }

    /// <summary>Runs <paramref name="body"/> for 0 … count − 1: worker w takes w, w + workers, … one after another; the workers run at once.</summary>
    private static Task InTurnsAsync(int count, int workers, Func<int, Task> body) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, Math.Min(workers, count))).Select(async w =>
        {
            for (var m = w; m < count; m += workers)
            {
                await body(m);
            }
        }));
}
