using System.Diagnostics;
using Cabinet.Testing;

namespace Cabinet.Bench;

/// <summary>
/// One run: starts Cabinet (Release build; embedded, or on a fresh redis-server with --redis) and creates and signs in
/// the delegates once, then measures each size of the series (against the in-process baseline) and "my meetings",
/// then the many meetings, then the long meeting. A quick run also times the long meeting on a second Cabinet on
/// Redis at the same time, so both storage modes' stored-state probes run in CI.
/// </summary>
public static class BenchRun
{
    public static async Task<BenchResults> RunAsync(BenchOptions options, Failures failures)
    {
        var accounts = BenchAccounts.Generate(options.Accounts);
        try
        {
            // Alongside the rest, to keep ./test.sh short: quick figures are only checked for failures, never compared.
            var onRedis = options.Quick && !options.Redis && options.RunsLongMeeting
                ? OnCabinetAsync(redis: true, cabinet => LongMeetingAsync(options, failures, cabinet))
                : null;
            var results = await OnCabinetAsync(options.Redis, cabinet => ScenariosAsync(options, failures, cabinet, accounts));
            return onRedis is null ? results : results with { LongMeetings = [.. results.LongMeetings, await onRedis] };
        }
        finally
        {
            foreach (var account in accounts)
            {
                account.Dispose();
            }
        }
    }

    public static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static async Task<T> OnCabinetAsync<T>(bool redis, Func<RunningCabinet, Task<T>> scenarios)
    {
        await using var redisServer = redis ? await RedisServer.StartAsync() : null;
        Log($"starting Cabinet ({(redis ? "Redis" : "embedded")} mode)");
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            RedisConnectionString = redisServer?.ConnectionString,
            AsShipped = true,
            // A full run lasts longer than an access token (10 minutes): the harness measures meetings, not token refresh.
            ExtraArguments = ["--Cabinet:Sessions:AccessTokenMinutes=240"],
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var adminToken = await BenchAccounts.SignInAsync(http, "quantri");
        using var chair = new BenchAccount("chutich", "", "") { Token = await BenchAccounts.SignInAsync(http, "chutich") };
        return await scenarios(new RunningCabinet(server, http, adminToken, chair));
    }

    private static async Task<BenchResults> ScenariosAsync(BenchOptions options, Failures failures, RunningCabinet cabinet, IReadOnlyList<BenchAccount> accounts)
    {
        var (server, chair) = (cabinet.Server, cabinet.Chair);
        if (accounts.Count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            await BenchAccounts.CreateAsync(cabinet.Http, cabinet.AdminToken, accounts);
            Log($"created {accounts.Count} accounts through POST /api/admin/users in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            started = Stopwatch.GetTimestamp();
            await BenchAccounts.SignInAllAsync(cabinet.Http, accounts);
            Log($"signed them in through /api/auth/token in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        }

        using var probe = new ServerProbe(server.ProcessId, server.BaseAddress, cabinet.AdminToken);
        using var clients = new HubClients();
        var rows = new List<SeriesRow>();
        ListingResult? listing = null;
        if (options.RunsSeries)
        {
            await using var baseline = await BaselineServer.StartAsync();
            var size = new SizeRun(options, failures, server, probe, clients, baseline, chair);
            Log($"warm-up meeting of {SizeRun.WarmUpDelegates} delegates of their own (not measured)");
            await size.RunAsync([.. accounts.TakeLast(SizeRun.WarmUpDelegates)]);
            foreach (var n in options.Series)
            {
                Log($"N = {n}");
                rows.Add(await size.RunAsync([.. accounts.Take(n)]));
                var (row, notes) = (rows[^1], rows[^1].Annotations);
                Log($"N = {n}: Cabinet p99 {row.Cabinet.P99:0.0} ms, baseline p99 {row.Baseline.P99:0.0} ms, "
                    + $"{row.Vote.Receipts}/{n} receipts in {row.Vote.ReceiptsMs:0} ms; notes stored p50/p99 {notes.Added.P50:0.0}/{notes.Added.P99:0.0} ms, "
                    + $"on other screens p50/p95/p99/max {notes.Propagation.P50:0.0}/{notes.Propagation.P95:0.0}/{notes.Propagation.P99:0.0}/{notes.Propagation.Max:0.0} ms "
                    + $"(baseline {row.NotesBaseline.P50:0.0}/{row.NotesBaseline.P95:0.0}/{row.NotesBaseline.P99:0.0}/{row.NotesBaseline.Max:0.0} ms); "
                    + $"heap {row.ManagedBytesPerDelegate / 1024:0.0} KiB per delegate; load {MachineInfo.LoadAverage()}; failures: {(row.Failures is "" ? "none" : row.Failures)}");
            }

            if (options.PartialSeries)
            {
                return new BenchResults(rows, null, null, []);
            }

            Log($"my meetings: creating {options.ListedMeetings} past meetings");
            listing = await MyMeetingsBench.RunAsync(server.BaseAddress, options.ListedMeetings, options.Quick ? 10 : 30, failures);
            Log($"my meetings: created in {listing.CreateSeconds:0.0} s; first page p50 {listing.FirstPage.P50:0.0} ms, p99 {listing.FirstPage.P99:0.0} ms");
        }

        ManyMeetingsResult? many = null;
        if (options.RunsManyMeetings)
        {
            Log($"many meetings: {options.Many.Meetings} × {options.Many.Delegates} delegates");
            many = await ManyMeetings.RunAsync(options, failures, server, probe, clients, chair, accounts);
            Log($"many meetings: {many.Connected} screens joined in {many.JoinSeconds:0.0} s; fan-out p50 {many.FanOut.P50:0.0} ms, "
                + $"p99 {many.FanOut.P99:0.0} ms; failures: {(many.Failures is "" ? "none" : many.Failures)}");
        }

        return new BenchResults(rows, listing, many, options.RunsLongMeeting ? [await LongMeetingAsync(options, failures, cabinet)] : []);
    }

    private static async Task<LongMeetingRun> LongMeetingAsync(BenchOptions options, Failures failures, RunningCabinet cabinet)
    {
        var redis = cabinet.Server.Options.RedisConnectionString is not null;
        Log($"long meeting ({(redis ? "Redis" : "embedded")} mode): checkpoints {string.Join(", ", options.LedgerCheckpoints)}");
        using var clients = new HubClients();
        var hub = new Uri(cabinet.Server.BaseAddress, Hub.MeetingHub.Path);
        var chairScreen = await clients.ConnectAsync(hub, cabinet.Chair, _ => Task.FromResult(true), failures);
        var rows = chairScreen is null ? [] : await LongMeeting.RunAsync(options, cabinet.Server, chairScreen, failures);
        await HubClients.DisposeAllAsync(chairScreen is null ? [] : [chairScreen]);
        return new LongMeetingRun(redis, rows);
    }

    /// <summary>The running Cabinet a set of scenarios measures, with the administrator's token and the chair.</summary>
    private sealed record RunningCabinet(CabinetServer Server, HttpClient Http, string AdminToken, BenchAccount Chair);
}
