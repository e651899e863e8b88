using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>A host that dies takes its connections with it: their people are shown as left, wherever each meeting's grain lives.</summary>
public sealed class PresenceHealingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Someone_connected_only_through_a_host_that_dies_is_shown_as_left_in_each_of_their_meetings()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var hostA = await CabinetServer.StartAsync(NoDeafRoomTests.Live(CabinetServerOptions.OnRedis(redis.ConnectionString)));
        await using var hostB = await CabinetServer.StartAsync(NoDeafRoomTests.Live(CabinetServerOptions.OnRedis(redis.ConnectionString, first: false)));
        await using var organiser = await NoDeafRoomTests.ConnectAsync(hostA, "chutich", hostA);

        // Meetings until both hosts hold one's grain (or enough tries): where the grain lives on the host that stays,
        // nothing reactivates and only the membership check lets the delegate go; where it lives on the host that dies,
        // it moves and must heal as well.
        var holders = new Dictionary<string, CabinetServer>();
        while (holders.Count < 2 || (holders.Values.Distinct().Count() < 2 && holders.Count < 6))
        {
            var id = await ServerFixture.NewMeetingAsync(organiser);
            holders[id] = await NoDeafRoomTests.HolderAsync(id, hostA, hostB);
        }

        var survivor = holders.Values.First();
        var dying = survivor == hostA ? hostB : hostA;
        await using var chair = await NoDeafRoomTests.ConnectAsync(survivor, "chutich", hostA);
        await using var delegateOnDying = await NoDeafRoomTests.ConnectAsync(dying, "daibieu1", hostA);
        foreach (var id in holders.Keys)
        {
            await NoDeafRoomTests.JoinAllAsync(id, chair, delegateOnDying);
            await chair.WaitForAsync(s => s.IsConnected("daibieu1"));
        }

        dying.Kill();

        foreach (var id in holders.Keys)
        {
            var room = await RoomWhenAsync(chair, id, r => !Connected(r, "daibieu1"));
            Assert.False(Connected(room, "daibieu1"));
            Assert.NotNull(room.Single(e => e.Participant.UserName == "daibieu1").Presence!.LastLeftAt);
            Assert.True(Connected(room, "chutich"));
        }
    }

    [Fact]
    public async Task A_departure_refused_while_Redis_is_down_is_recorded_once_Redis_is_back()
    {
        var redis = await RedisServer.StartAsync();
        try
        {
            await using var host = await CabinetServer.StartAsync(NoDeafRoomTests.Live(CabinetServerOptions.OnRedis(redis.ConnectionString)));
            await using var chair = await MeetingHubClient.ConnectAsync(host.BaseAddress, "chutich");
            var leaving = await MeetingHubClient.ConnectAsync(host.BaseAddress, "daibieu1");
            var id = await ServerFixture.NewMeetingAsync(chair);
            await NoDeafRoomTests.JoinAllAsync(id, chair, leaving);
            await chair.WaitForAsync(s => s.IsConnected("daibieu1"));

            await redis.StopAsync();
            var refused = await leaving.InvokeAsync(nameof(MeetingHub.LeaveMeeting), id);
            Assert.Equal(ErrorCodes.StorageFailed.Code, refused.Error?.Code);   // answered, and not forgotten
            await leaving.DisposeAsync();
            redis = await redis.StartAgainAsync();

            var room = await RoomWhenAsync(chair, id, r => !Connected(r, "daibieu1"));
            Assert.False(Connected(room, "daibieu1"));
            Assert.True(Connected(room, "chutich"));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    /// <summary>Asks the surviving host for the room list until <paramref name="condition"/> holds or the bound passes; returns the last answer.</summary>
    private static async Task<ImmutableArray<RosterEntry>> RoomWhenAsync(MeetingHubClient client, string id, Func<ImmutableArray<RosterEntry>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            try
            {
                var room = await client.ListParticipantsAsync(id);
                if (room.Ok && (condition(room.Value) || DateTime.UtcNow > deadline))
                {
                    return room.Value;
                }
            }
            catch (Microsoft.AspNetCore.SignalR.HubException) when (DateTime.UtcNow <= deadline)
            {
            }

            await Task.Delay(1000);
        }
    }

    private static bool Connected(ImmutableArray<RosterEntry> room, string userName) =>
        room.Any(e => e.Participant.UserName == userName && e.Presence?.Connected == true);
}
