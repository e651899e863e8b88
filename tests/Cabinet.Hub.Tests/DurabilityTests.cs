using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Cabinet.Voting.Ledger;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>Restarts, crashes and a two-host cluster, each against real processes (and a real redis-server).</summary>
public sealed class DurabilityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Embedded_mode_keeps_every_acknowledged_change_across_a_restart(bool crash)
    {
        var server = await CabinetServer.StartAsync();
        try
        {
            var (id, before, ledger) = await ChangeAMeetingAsync(server);
            if (crash)
            {
                server.Kill();
                server = await CabinetServer.StartAsync(server.Options);
            }
            else
            {
                server = await server.RestartAsync();
            }

            await AssertUnchangedAsync(server, id, before, ledger);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Redis_mode_keeps_every_acknowledged_change_across_a_restart()
    {
        await using var redis = await RedisServer.StartAsync();
        var server = await CabinetServer.StartAsync(new CabinetServerOptions { RedisConnectionString = redis.ConnectionString });
        try
        {
            var (id, before, ledger) = await ChangeAMeetingAsync(server);
            server = await server.RestartAsync();
            await AssertUnchangedAsync(server, id, before, ledger);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_Redis_serve_the_same_live_meeting()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host1 = await CabinetServer.StartAsync(CabinetServerOptions.OnRedis(redis.ConnectionString));
        await using var host2 = await CabinetServer.StartAsync(CabinetServerOptions.OnRedis(redis.ConnectionString, first: false));
        await using var chair = await MeetingHubClient.ConnectAsync(host1.BaseAddress, "chutich");
        // Signed in at host 1, connected to host 2: the token's keys are shared through Redis.
        await using var delegateOnHost2 = await MeetingHubClient.ConnectAsync(host2.BaseAddress, "daibieu1", signInAt: host1.BaseAddress);
        var id = await ServerFixture.NewMeetingAsync(chair);
        await chair.JoinAsync(id);
        Assert.True((await delegateOnHost2.JoinAsync(id)).Ok);

        await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id);
        var moved = await chair.InvokeAsync(nameof(MeetingHub.NextItem), id);

        var seen = await delegateOnHost2.WaitForAsync(s => s.Version >= moved.Version, Patience);
        Assert.Equal("i2", seen.Current!.ItemId);
        var seenByChair = await chair.WaitForAsync(s => s.IsConnected("daibieu1"), Patience);
        Assert.True(seenByChair.IsConnected("chutich"));
    }

    private static async Task<(string Id, MeetingSnapshot Before, LedgerEntry[] Ledger)> ChangeAMeetingAsync(CabinetServer server)
    {
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        await chair.InvokeAsync(nameof(MeetingHub.AddAgendaItem), id, new AgendaItemInput("Bổ sung trước giờ họp", "Thư ký", 7, "Mới thêm"));
        await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id);
        var last = await chair.InvokeAsync(nameof(MeetingHub.GoToItem), id, "i4");
        Assert.True(last.Ok);
        var snapshot = await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id);
        var ledger = await chair.Connection.InvokeAsync<Result<LedgerEntry[]>>(nameof(MeetingHub.GetLedger), id);
        return (id, snapshot.Value!, ledger.Value!);
    }

    private static async Task AssertUnchangedAsync(CabinetServer server, string id, MeetingSnapshot before, LedgerEntry[] ledger)
    {
        await using var reader = await MeetingHubClient.ConnectAsync(server.BaseAddress, "thuky");
        var after = (await reader.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!;
        var ledgerAfter = (await reader.Connection.InvokeAsync<Result<LedgerEntry[]>>(nameof(MeetingHub.GetLedger), id)).Value!;

        Assert.Equal(before.Version, after.Version);
        Assert.Equal(MeetingStatus.Live, after.Status);
        Assert.Equal("i4", after.Current!.ItemId);
        Assert.Equal(before.Agenda.Select(i => i.Title), after.Agenda.Select(i => i.Title));
        Assert.Equal(ledger.Select(e => e.Hash), ledgerAfter.Take(ledger.Length).Select(e => e.Hash));
        Assert.Null(LedgerVerifier.FindFirstFault(ledgerAfter));
    }
}
