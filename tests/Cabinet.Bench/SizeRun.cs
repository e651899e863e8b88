using System.Diagnostics;
using System.Text.Json;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Bench;

/// <summary>
/// The scenarios at one number of delegates: join, agenda fan-out, vote burst on Cabinet (a fresh meeting), then the
/// same fan-out on the baseline hub with as many fresh screens, while Cabinet sits idle.
/// </summary>
public sealed class SizeRun(BenchOptions options, Failures failures, CabinetServer server, ServerProbe probe, HubClients clients,
    BaselineServer baseline, BenchAccount chair)
{
    /// <summary>
    /// A first meeting, on accounts of its own, that the run does not report: the process's first hub connections,
    /// meeting, vote and notes build what it keeps once for all (System.Text.Json's and SignalR's accessors for each
    /// type, ≈ 600 dynamic methods, Orleans' codecs, grown pools), which a size measured first would count per delegate.
    /// </summary>
    public const int WarmUpDelegates = 20;

    public async Task<SeriesRow> RunAsync(IReadOnlyList<BenchAccount> delegates)
    {
        var before = failures.Counts;
        var hub = new Uri(server.BaseAddress, MeetingHub.Path);
        var (managed0, resident0) = await probe.SettledMemoryAsync(options);
        probe.DumpHeapIfAsked($"n{delegates.Count}-before");
        var chairScreen = await clients.ConnectAsync(hub, chair, _ => Task.FromResult(true), failures);
        var meeting = chairScreen is null ? null : await CabinetMeeting.CreateAsync(chairScreen, delegates, failures);
        if (meeting is null)
        {
            await HubClients.DisposeAllAsync(chairScreen is null ? [] : [chairScreen]);
            return new SeriesRow(delegates.Count, 0, 0, double.NaN) { Failures = failures.Since(before) };
        }

        var (cpu, joining) = (probe.CpuSeconds(), Stopwatch.GetTimestamp());
        var screens = await clients.ConnectAllAsync(hub, delegates, meeting.JoinAsync, failures);
        var joinSeconds = Stopwatch.GetElapsedTime(joining).TotalSeconds;
        var joinCpu = probe.CpuSeconds() - cpu;
        BenchRun.Log($"  {screens.Count} screens joined in {joinSeconds:0.0} s (server CPU {joinCpu:0.0} s)");
        if (await meeting.CommandAsync(nameof(MeetingHub.OpenMeeting), meeting.Id) is { } opened)
        {
            await Arrivals.WaitAllAsync(screens, opened, TimeSpan.FromMinutes(2));
            failures.Add(Failures.MissingEvent, "presence or opening events missing on screens", screens.Sum(s => s.Settle(opened)));
        }

        var (managed1, resident1) = await probe.SettledMemoryAsync(options);
        probe.DumpHeapIfAsked($"n{delegates.Count}");
        (cpu, var benchCpu) = (probe.CpuSeconds(), BenchCpuSeconds());
        var cabinet = options.PartialSeries ? LatencyStats.Empty : await FanOut.RunAsync(screens, options.Moves, meeting.MoveAsync, failures, $"Cabinet N={delegates.Count}");
        var (fanOutCpu, cabinetBenchCpu) = (probe.CpuSeconds() - cpu, BenchCpuSeconds() - benchCpu);
        var template = meeting.Chair.LastEvent is { Kind: MeetingEventKinds.CurrentItemChanged } e ? e : null;

        cpu = probe.CpuSeconds();
        var vote = options.NotesOnly ? VoteBurstResult.NotRun : await VoteBurst.RunAsync(meeting, screens, probe, failures);
        var voteCpu = probe.CpuSeconds() - cpu;
        var annotations = options.VotesOnly ? AnnotationStreamResult.NotRun : await SharedAnnotations.RunAsync(meeting, screens, server.BaseAddress, failures);
        var note = meeting.Chair.LastAnnotation;
        // Closed first, so the screens leaving afterwards change nothing in the meeting.
        await meeting.CommandAsync(nameof(MeetingHub.CloseMeeting), meeting.Id);
        await HubClients.DisposeAllAsync([.. screens, meeting.Chair]);

        var (baselineStats, baselineConnected, baselineCpu, notesBaseline) = options.VotesOnly
            ? (LatencyStats.Empty, 0, double.NaN, LatencyStats.Empty)
            : await BaselineAsync(delegates.Count, template, note);
        return new SeriesRow(delegates.Count, screens.Count, baselineConnected, joinSeconds)
        {
            Cabinet = cabinet,
            Baseline = baselineStats,
            Vote = vote,
            Annotations = annotations,
            NotesBaseline = notesBaseline,
            ManagedBytesPerDelegate = (managed1 - managed0) / (double)Math.Max(1, screens.Count),
            ResidentBytesPerDelegate = (resident1 - resident0) / (double)Math.Max(1, screens.Count),
            ServerCpu = (joinCpu, fanOutCpu, voteCpu),
            BenchCpu = (cabinetBenchCpu, baselineCpu),
            PayloadBytes = template is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(template, HubClients.Payload).Length,
            Failures = failures.Since(before),
        };
    }

    /// <summary>
    /// On the bare hub with N fresh screens: the agenda fan-out with Cabinet's event (not with --notes-only), then the
    /// same stream of notes as Cabinet's with Cabinet's last note push as the payload.
    /// </summary>
    private async Task<(LatencyStats Stats, int Connected, double BenchCpu, LatencyStats Notes)> BaselineAsync(int n, MeetingEvent? template, Documents.AnnotationChange? note)
    {
        if ((template is null && !options.NotesOnly) || note is null)
        {
            failures.Add(Failures.MissingEvent, $"no Cabinet {(note is null ? "note" : "agenda event")} to copy for the baseline");
            return (LatencyStats.Empty, 0, double.NaN, LatencyStats.Empty);
        }

        (baseline.Payload.Template, baseline.Payload.Note) = (template ?? baseline.Payload.Template, note);
        var screens = await clients.ConnectAllAsync(baseline.Hub, Enumerable.Repeat<BenchAccount?>(null, n).ToList(), async c =>
        {
            c.JoinedAt(await c.Connection.InvokeAsync<long>(nameof(BaselineHub.Join)));
            return true;
        }, failures);
        var mover = await clients.ConnectAsync(baseline.Hub, null, _ => Task.FromResult(true), failures);
        var cpu = BenchCpuSeconds();
        var stats = mover is null || options.NotesOnly ? LatencyStats.Empty : await FanOut.RunAsync(screens, options.Moves, async _ =>
        {
            try
            {
                return await mover.Connection.InvokeAsync<long>(nameof(BaselineHub.Move)).WaitAsync(FanOut.Patience);
            }
            catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
            {
                failures.Add(Failures.Refused, $"baseline Move: {ex.Message}");
                return null;
            }
        }, failures, $"baseline N={n}");
        cpu = BenchCpuSeconds() - cpu;
        var notes = await SharedAnnotations.StreamAsync([.. screens.Take(SharedAnnotations.Annotators)], screens, async (author, i) =>
        {
            try
            {
                return await author.Connection.InvokeAsync<string>(nameof(BaselineHub.Note), i).WaitAsync(FanOut.Patience);
            }
            catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
            {
                failures.Add(Failures.Refused, $"baseline Note: {ex.Message}");
                return null;
            }
        }, failures);
        await HubClients.DisposeAllAsync(mover is null ? screens : [.. screens, mover]);
        return (stats, screens.Count, cpu, notes.Propagation);
    }

    private static double BenchCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

}
