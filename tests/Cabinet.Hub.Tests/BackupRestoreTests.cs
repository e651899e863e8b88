using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Cabinet.Voting.Ledger;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// The executable's <c>backup</c> and <c>restore</c> in both storage modes: meetings made through the hub (one sealed)
/// come back whole on a fresh folder or a fresh Redis; a tampered backup and an occupied target are refused.
/// </summary>
public sealed class BackupRestoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_restored_backup_serves_every_meeting_with_its_ledger_and_a_verifying_archive(bool redisMode)
    {
        await using var redis = redisMode ? await RedisServer.StartAsync() : null;
        var original = new CabinetServerOptions { RedisConnectionString = redis?.ConnectionString };
        var server = await CabinetServer.StartAsync(original);
        var closed = await ClosingFlow.HoldAndCloseAsync(server);
        await ClosingFlow.WaitForArchiveAsync(server, closed);
        var live = await LiveMeetingAsync(server);
        var before = new Dictionary<string, (MeetingSnapshot Snapshot, LedgerEntry[] Ledger)>
        {
            [closed] = await ReadAsync(server, closed),
            [live] = await ReadAsync(server, live),
        };
        var folder = RepositoryPaths.NewTempFolder("backup");
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllBytesAsync(root, await ClosingFlow.DownloadAsync(server, "thuky", "/api/pki/root.pem"));
        var backup = Path.Combine(folder, "backup");
        if (!redisMode)
        {
            var whileRunning = Run("backup", backup, original);
            Assert.Equal(1, whileRunning.ExitCode);
            Assert.Contains("running", whileRunning.Output, StringComparison.Ordinal);
        }

        await server.StopAsync();
        await server.DisposeAsync();

        var taken = Run("backup", backup, original);

        Assert.True(taken.ExitCode == 0, taken.Output);
        await using var freshRedis = redisMode ? await RedisServer.StartAsync() : null;
        // The restored installation keeps its key-encryption key: a backup holds the wrapped data keys, never the KEK.
        var restored = new CabinetServerOptions
        {
            RedisConnectionString = freshRedis?.ConnectionString,
            ExtraArguments = redis is null ? [] : [$"--Cabinet:Encryption:KeyFile={SharedKeys.For(redis.ConnectionString)}"],
        };
        var put = Run("restore", backup, restored);
        Assert.True(put.ExitCode == 0, put.Output);
        await using var again = await CabinetServer.StartAsync(restored);
        foreach (var (id, (snapshot, ledger)) in before)
        {
            var (snapshotAfter, ledgerAfter) = await ReadAsync(again, id);
            Assert.Equal(snapshot.Version, snapshotAfter.Version);
            Assert.Equal(snapshot.Status, snapshotAfter.Status);
            Assert.Equal(ledger.Select(e => e.Hash), ledgerAfter.Select(e => e.Hash));
            Assert.Null(LedgerVerifier.FindFirstFault(ledgerAfter));
        }

        Assert.Equal(before[closed].Snapshot.Archive!.ManifestSha256, (await ReadAsync(again, closed)).Snapshot.Archive!.ManifestSha256);
        var zip = Path.Combine(folder, "archive.zip");
        await File.WriteAllBytesAsync(zip, await ClosingFlow.DownloadAsync(again, "daibieu1", $"/api/meetings/{closed}/archive.zip"));
        var verified = ClosingFlow.Verify(zip, root);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Equal(await File.ReadAllTextAsync(root, TestContext.Current.CancellationToken),
            System.Text.Encoding.UTF8.GetString(await ClosingFlow.DownloadAsync(again, "thuky", "/api/pki/root.pem")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_refuses_a_tampered_backup_and_an_occupied_target(bool redisMode)
    {
        await using var redis = redisMode ? await RedisServer.StartAsync() : null;
        var original = new CabinetServerOptions { RedisConnectionString = redis?.ConnectionString };
        await using (var server = await CabinetServer.StartAsync(original))
        {
            await LiveMeetingAsync(server);
            await server.StopAsync();
        }

        var folder = RepositoryPaths.NewTempFolder("backup");
        var backup = Path.Combine(folder, "backup");
        Assert.Equal(0, Run("backup", backup, original).ExitCode);
        var tampered = Path.Combine(folder, "tampered");
        Copy(backup, tampered);
        var victim = redisMode ? Path.Combine(tampered, "redis.jsonl")
            : Directory.EnumerateFiles(Path.Combine(tampered, "data"), "*", SearchOption.AllDirectories).First(f => new FileInfo(f).Length > 0);
        var bytes = await File.ReadAllBytesAsync(victim, TestContext.Current.CancellationToken);
        bytes[bytes.Length / 2] ^= 1;
        File.SetAttributes(victim, FileAttributes.Normal); // archives are kept read-only
        await File.WriteAllBytesAsync(victim, bytes, TestContext.Current.CancellationToken);
        await using var freshRedis = redisMode ? await RedisServer.StartAsync() : null;
        var fresh = new CabinetServerOptions { RedisConnectionString = freshRedis?.ConnectionString };

        var refusedTampered = Run("restore", tampered, fresh);
        var occupied = redisMode ? original : fresh with { DataPath = RepositoryPaths.NewTempFolder("occupied") };
        if (!redisMode)
        {
            await File.WriteAllTextAsync(Path.Combine(occupied.DataPath, "something.txt"), "x", TestContext.Current.CancellationToken);
        }

        var refusedOccupied = Run("restore", backup, occupied);

        Assert.Equal(1, refusedTampered.ExitCode);
        Assert.Contains("SHA-256", refusedTampered.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(fresh.DataPath), e => Path.GetFileName(e) != "cabinet.lock");
        Assert.Equal(1, refusedOccupied.ExitCode);
        Assert.Contains("--force", refusedOccupied.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("restore", backup, occupied, "--force").ExitCode);
    }

    private static Tool.Result Run(string command, string backup, CabinetServerOptions storage, params string[] more) =>
        Tool.Run("dotnet", [RepositoryPaths.WebAssembly, command, backup, $"--Cabinet:DataPath={storage.DataPath}",
            .. storage.RedisConnectionString is { } redis ? [$"--ConnectionStrings:Redis={redis}"] : Array.Empty<string>(), .. more]);

    private static async Task<string> LiveMeetingAsync(CabinetServer server)
    {
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.GoToItem), id, "i2")).Ok);
        return id;
    }

    private static async Task<(MeetingSnapshot Snapshot, LedgerEntry[] Ledger)> ReadAsync(CabinetServer server, string id)
    {
        await using var reader = await MeetingHubClient.ConnectAsync(server.BaseAddress, "thuky");
        var snapshot = await reader.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id);
        var ledger = await reader.Connection.InvokeAsync<Result<LedgerEntry[]>>(nameof(MeetingHub.GetLedger), id);
        Assert.True(snapshot.Ok && ledger.Ok, snapshot.Error?.Code ?? ledger.Error?.Code);
        return (snapshot.Value!, ledger.Value!);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
