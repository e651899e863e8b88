using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// After the meeting grain gets a new activation — a refused write while Redis was down, or the death of the host that
/// held it — the next accepted event is pushed to every joined client. The version nudge is set to half an hour here,
/// so only the push itself can deliver it in time.
/// </summary>
public sealed class NoDeafRoomTests
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ClusterPatience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task After_Redis_comes_back_the_next_accepted_event_reaches_every_joined_client()
    {
        var redis = await RedisServer.StartAsync();
        try
        {
            await using var host = await CabinetServer.StartAsync(Live(CabinetServerOptions.OnRedis(redis.ConnectionString)));
            await using var chair = await MeetingHubClient.ConnectAsync(host.BaseAddress, "chutich");
            await using var d1 = await MeetingHubClient.ConnectAsync(host.BaseAddress, "daibieu1");
            await using var d2 = await MeetingHubClient.ConnectAsync(host.BaseAddress, "daibieu2");
            var id = await ServerFixture.NewMeetingAsync(chair);
            await JoinAllAsync(id, chair, d1, d2);
            Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);

            await redis.StopAsync();
            var refused = await chair.InvokeAsync(nameof(MeetingHub.NextItem), id);
            Assert.Equal(ErrorCodes.StorageFailed.Code, refused.Error?.Code);
            redis = await redis.StartAgainAsync();

            var accepted = await UntilAcceptedAsync(() => chair.InvokeAsync(nameof(MeetingHub.NextItem), id));
            await AssertPushedAsync(accepted.Version, chair, d1, d2);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_the_host_holding_the_meeting_dies_the_next_event_reaches_every_client_still_connected()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = await CabinetServer.StartAsync(Live(CabinetServerOptions.OnRedis(redis.ConnectionString)));
        await using var hostB = await CabinetServer.StartAsync(Live(CabinetServerOptions.OnRedis(redis.ConnectionString, first: false)));
        var clients = new Dictionary<CabinetServer, MeetingHubClient[]>
        {
            [hostA] = [await ConnectAsync(hostA, "chutich", hostA), await ConnectAsync(hostA, "daibieu1", hostA)],
            [hostB] = [await ConnectAsync(hostB, "chutich", hostA), await ConnectAsync(hostB, "daibieu2", hostA)],
        };
        try
        {
            var id = await ServerFixture.NewMeetingAsync(clients[hostA][0]);
            await JoinAllAsync(id, [.. clients.Values.SelectMany(c => c)]);
            Assert.True((await clients[hostA][0].InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
            var holder = await HolderAsync(id, hostA, hostB);
            var survivor = holder == hostA ? hostB : hostA;
            var activationsOnSurvivor = Activations(survivor, id);

            holder.Kill();
            var accepted = await UntilAcceptedAsync(() => clients[survivor][0].InvokeAsync(nameof(MeetingHub.NextItem), id));

            await AssertPushedAsync(accepted.Version, clients[survivor]);
            Assert.True(Activations(survivor, id) > activationsOnSurvivor, "the meeting grain should have moved to the surviving host");
        }
        finally
        {
            foreach (var client in clients.Values.SelectMany(c => c))
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>The nudge pushed far beyond the test, and the grain's activations written to the output.</summary>
    internal static CabinetServerOptions Live(CabinetServerOptions options) => options with
    {
        ExtraArguments = [.. options.ExtraArguments, "--Cabinet:Live:VersionNudgeSeconds=1800", "--Logging:LogLevel:Cabinet.Meetings.MeetingGrain=Debug"],
    };

    internal static Task<MeetingHubClient> ConnectAsync(CabinetServer host, string userName, CabinetServer signInAt) =>
        MeetingHubClient.ConnectAsync(host.BaseAddress, userName, signInAt: signInAt.BaseAddress);

    internal static async Task JoinAllAsync(string id, params MeetingHubClient[] clients)
    {
        foreach (var client in clients)
        {
            var joined = await client.JoinAsync(id);
            Assert.True(joined.Ok, joined.Error?.Code);
        }
    }

    internal static int Activations(CabinetServer host, string id) =>
        host.Output.Split('\n').Count(line => line.Contains($"Meeting {id} activated on this host", StringComparison.Ordinal));

    /// <summary>Which host holds the meeting's grain (it says so when it activates).</summary>
    internal static async Task<CabinetServer> HolderAsync(string id, params CabinetServer[] hosts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (hosts.SingleOrDefault(h => Activations(h, id) > 0) is { } holder)
            {
                return holder;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No host reported activating {id}");
    }

    /// <summary>Repeats a command refused while the cluster or the store recovers, until one is accepted.</summary>
    private static async Task<CommandResult> UntilAcceptedAsync(Func<Task<CommandResult>> command)
    {
        var deadline = DateTime.UtcNow + ClusterPatience;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var result = await command();
                if (result.Ok)
                {
                    return result;
                }

                last = result.Error!.Code;
            }
            catch (HubException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No command was accepted; last refusal: {last}");
    }

    private static async Task AssertPushedAsync(long version, params MeetingHubClient[] clients)
    {
        var deadline = DateTime.UtcNow + Delivery;
        while (DateTime.UtcNow < deadline && !clients.All(c => c.Received.Any(e => e.Version == version)))
        {
            await Task.Delay(50);
        }

        Assert.All(clients, c => Assert.True(c.Received.Any(e => e.Version == version), $"{c.UserName} never received version {version}"));
    }
}
