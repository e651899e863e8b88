using Cabinet.Errors;
using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>The queue of requests to speak on each agenda item; run once per storage mode.</summary>
public abstract class FloorQueueTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    private static readonly FloorRequestInput Ask = new("Ý kiến về báo cáo");
    private static readonly FloorRequestInput PointOfOrder = new("Đề nghị biểu quyết từng phần", PointOfOrder: true);

    [Fact]
    public async Task A_person_asks_once_per_item_and_observers_never_ask()
    {
        var meeting = await cluster.NewLiveMeetingAsync();

        Assert.True((await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask)).Ok);
        var version = await meeting.GetVersionAsync();
        Assert.Equal(ErrorCodes.FloorAlreadyRequested.Code, (await meeting.RequestFloorAsync(ClusterFixture.Delegate1, PointOfOrder)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.RequestFloorAsync(ClusterFixture.Colleague, Ask)).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidInput.Code, (await meeting.RequestFloorAsync(ClusterFixture.Delegate2, new(new string('x', 201)))).Error!.Code);
        Assert.Equal(version, await meeting.GetVersionAsync());
        Assert.True((await meeting.RequestFloorAsync(ClusterFixture.Secretary, Ask)).Ok);
        Assert.True((await meeting.WithdrawFloorRequestAsync(ClusterFixture.Delegate1)).Ok);
        Assert.Equal(ErrorCodes.FloorNotInQueue.Code, (await meeting.WithdrawFloorRequestAsync(ClusterFixture.Delegate1)).Error!.Code);
        Assert.True((await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask)).Ok);

        Assert.Equal(["secretary", "delegate1"], await meeting.QueueAsync());
    }

    [Fact]
    public async Task A_point_of_order_goes_ahead_of_ordinary_requests_behind_earlier_points_of_order()
    {
        var meeting = await cluster.NewLiveMeetingAsync();

        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask);
        await meeting.RequestFloorAsync(ClusterFixture.Secretary, PointOfOrder);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate2, PointOfOrder);
        await meeting.AddToFloorQueueAsync(ClusterFixture.Chair, ClusterFixture.Chair.UserName, Ask);

        Assert.Equal(["secretary", "delegate2", "delegate1", "chair"], await meeting.QueueAsync());
        var queue = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!.Floor.For("i1").Queue;
        Assert.Equal([true, true, false, false], queue.Select(r => r.PointOfOrder));
        Assert.Equal(ErrorCodes.FloorOrderMismatch.Code,
            (await meeting.ReorderFloorQueueAsync(ClusterFixture.Chair, ["delegate1", "secretary", "delegate2", "chair"])).Error!.Code);
        Assert.True((await meeting.ReorderFloorQueueAsync(ClusterFixture.Chair, ["delegate2", "secretary", "chair", "delegate1"])).Ok);
        Assert.Equal(["delegate2", "secretary", "chair", "delegate1"], await meeting.QueueAsync());
    }

    [Fact]
    public async Task Only_the_chair_adds_removes_reorders_and_grants()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate2, Ask);
        var version = await meeting.GetVersionAsync();

        foreach (var actor in new[] { ClusterFixture.Secretary, ClusterFixture.Delegate1, ClusterFixture.Colleague, ClusterFixture.Outsider })
        {
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.AddToFloorQueueAsync(actor, "secretary", Ask)).Error!.Code);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.RemoveFromFloorQueueAsync(actor, "delegate2")).Error!.Code);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.ReorderFloorQueueAsync(actor, ["delegate2", "delegate1"])).Error!.Code);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GrantFloorAsync(actor, FloorGrant.Next)).Error!.Code);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.SetDefaultSpeakingTimeAsync(actor, 120)).Error!.Code);
        }

        Assert.Equal(version, await meeting.GetVersionAsync());
        Assert.True((await meeting.AddToFloorQueueAsync(ClusterFixture.Chair, "secretary", Ask)).Ok);
        Assert.True((await meeting.RemoveFromFloorQueueAsync(ClusterFixture.Chair, "delegate1")).Ok);
        Assert.True((await meeting.ReorderFloorQueueAsync(ClusterFixture.Chair, ["secretary", "delegate2"])).Ok);
        Assert.True((await meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next)).Ok);
        Assert.Equal(version + 4, await meeting.GetVersionAsync());
        Assert.Equal("secretary", (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Floor.Speaking!.UserName);
    }

    [Fact]
    public async Task The_chair_adds_only_participants_who_may_speak()
    {
        var meeting = await cluster.NewLiveMeetingAsync();

        Assert.Equal(ErrorCodes.FloorNotParticipant.Code, (await meeting.AddToFloorQueueAsync(ClusterFixture.Chair, "colleague", Ask)).Error!.Code);
        Assert.Equal(ErrorCodes.FloorNotParticipant.Code, (await meeting.AddToFloorQueueAsync(ClusterFixture.Chair, "ai-do", Ask)).Error!.Code);
        Assert.Equal(ErrorCodes.FloorNotParticipant.Code, (await meeting.GrantFloorAsync(ClusterFixture.Chair, new FloorGrant("outsider"))).Error!.Code);
        Assert.Equal(ErrorCodes.FloorNotInQueue.Code, (await meeting.GrantFloorAsync(ClusterFixture.Chair, new FloorGrant("delegate2"))).Error!.Code);
        Assert.Equal(ErrorCodes.FloorQueueEmpty.Code, (await meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next)).Error!.Code);
        Assert.Empty(await meeting.QueueAsync());
    }

    [Fact]
    public async Task Each_agenda_item_keeps_its_own_queue()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask);
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);
        Assert.Empty(await meeting.QueueAsync());
        Assert.True((await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask)).Ok);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate2, PointOfOrder);

        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Previous);

        var floor = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate2)).Value!.Floor;
        Assert.Equal(["delegate1"], floor.For("i1").Queue.Select(r => r.UserName));
        Assert.Equal(["delegate2", "delegate1"], floor.For("i2").Queue.Select(r => r.UserName));
        Assert.Equal(["delegate1"], await meeting.QueueAsync());
    }

    [Fact]
    public async Task Before_the_opening_nobody_asks_and_a_closed_meetings_floor_is_frozen()
    {
        var meeting = await cluster.NewMeetingAsync();
        Assert.Equal(ErrorCodes.NotLive.Code, (await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask)).Error!.Code);
        await meeting.OpenAsync(ClusterFixture.Chair);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate2, Ask);
        await meeting.CloseAsync(ClusterFixture.Chair);
        var before = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;

        Func<Task<CommandResult>>[] attempts =
        [
            () => meeting.RequestFloorAsync(ClusterFixture.Secretary, PointOfOrder),
            () => meeting.WithdrawFloorRequestAsync(ClusterFixture.Delegate1),
            () => meeting.AddToFloorQueueAsync(ClusterFixture.Chair, "secretary", Ask),
            () => meeting.RemoveFromFloorQueueAsync(ClusterFixture.Chair, "delegate1"),
            () => meeting.ReorderFloorQueueAsync(ClusterFixture.Chair, ["delegate2", "delegate1"]),
            () => meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next),
            () => meeting.EndSpeechAsync(ClusterFixture.Chair),
            () => meeting.SetSpeakingTimeAsync(ClusterFixture.Chair, 60),
            () => meeting.SetDefaultSpeakingTimeAsync(ClusterFixture.Chair, 60),
        ];
        foreach (var command in attempts)
        {
            Assert.Equal(ErrorCodes.MeetingClosed.Code, (await command()).Error!.Code);
        }

        Assert.Equal(before, (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!, SnapshotComparer.Instance);
        Assert.Equal(["delegate1", "delegate2"], before.Floor.For("i1").Queue.Select(r => r.UserName));
    }
}

public sealed class FloorQueueOnDisk(FileStorageCluster cluster) : FloorQueueTests<FileStorageCluster>(cluster);

public sealed class FloorQueueInRedis(RedisStorageCluster cluster) : FloorQueueTests<RedisStorageCluster>(cluster);
