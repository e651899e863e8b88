using System.Diagnostics;
using Cabinet.Testing;

namespace Cabinet.Bench;

/// <summary>
/// One run: starts Cabinet (Release build; embedded, or on a fresh redis-server with --redis) and the in-process
/// baseline, creates and signs in the delegates once, then measures each size of the series, then the long meeting.
/// </summary>
public static class BenchRun
{
    public static async Task<BenchResults> RunAsync(BenchOptions options, Failures failures)
    {
        await using var redis = options.Redis ? await RedisServer.StartAsync() : null;
        Log($"starting Cabinet ({(options.Redis ? "Redis" : "embedded")} mode)");
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions { RedisConnectionString = redis?.ConnectionString });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var adminToken = await BenchAccounts.SignInAsync(http, "quantri");
        var accounts = BenchAccounts.Generate(options.LedgerOnly ? 0 : options.Series.Max());
        try
        {
            var started = Stopwatch.GetTimestamp();
            await BenchAccounts.CreateAsync(http, adminToken, accounts);
            Log($"created {accounts.Count} accounts through POST /api/admin/users in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            started = Stopwatch.GetTimestamp();
            await BenchAccounts.SignInAllAsync(http, accounts);
            Log($"signed them in through /api/auth/token in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            using var chair = new BenchAccount("chutich", "", "") { Token = await BenchAccounts.SignInAsync(http, "chutich") };

            using var probe = new ServerProbe(server.ProcessId, server.BaseAddress, adminToken);
            using var clients = new HubClients();
            await using var baseline = await BaselineServer.StartAsync();
            var size = new SizeRun(options, failures, server, probe, clients, baseline, chair);
            var rows = new List<SeriesRow>();
            foreach (var n in options.LedgerOnly ? [] : options.Series)
            {
                Log($"N = {n}");
                rows.Add(await size.RunAsync([.. accounts.Take(n)]));
                Log($"N = {n}: Cabinet p99 {rows[^1].Cabinet.P99:0.0} ms, baseline p99 {rows[^1].Baseline.P99:0.0} ms, "
                    + $"{rows[^1].Vote.Receipts}/{n} receipts in {rows[^1].Vote.ReceiptsMs:0} ms; failures: {(rows[^1].Failures is "" ? "none" : rows[^1].Failures)}");
            }

            ListingResult? listing = null;
            if (!options.LedgerOnly)
            {
                Log($"my meetings: creating {options.ListedMeetings} past meetings");
                listing = await MyMeetingsBench.RunAsync(server.BaseAddress, options.ListedMeetings, options.Quick ? 10 : 30, failures);
                Log($"my meetings: created in {listing.CreateSeconds:0.0} s; first page p50 {listing.FirstPage.P50:0.0} ms, p99 {listing.FirstPage.P99:0.0} ms");
            }

            if (options.LedgerCheckpoints.IsEmpty)
            {
                return new BenchResults(rows, listing, []);
            }

            Log($"long meeting: checkpoints {string.Join(", ", options.LedgerCheckpoints)}");
            var chairScreen = await clients.ConnectAsync(new Uri(server.BaseAddress, Hub.MeetingHub.Path), chair, _ => Task.FromResult(true), failures);
            var longMeeting = chairScreen is null ? [] : await LongMeeting.RunAsync(options, server, chairScreen, failures);
            await HubClients.DisposeAllAsync(chairScreen is null ? [] : [chairScreen]);
            return new BenchResults(rows, listing, longMeeting);
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
}
