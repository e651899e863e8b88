using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>What lives with the meeting grain survives a new activation of it: who follows it and who is connected.</summary>
public abstract class ReactivationTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    [Fact]
    public async Task A_new_activation_pushes_the_next_event_to_the_followers_of_the_old_one()
    {
        var meeting = await cluster.NewMeetingAsync();
        var observer = new RecordingObserver();
        var reference = cluster.Client.CreateObjectReference<IMeetingObserver>(observer);
        await meeting.SubscribeAsync(reference);
        var opened = await meeting.OpenAsync(ClusterFixture.Chair);

        await cluster.Cluster.DeactivateAsync(meeting);
        var moved = await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);

        Assert.True(moved.Ok, moved.Error?.Code);
        var events = await observer.WaitForAsync(2);
        Assert.Equal([opened.Version, moved.Version], events.Select(e => e.Version));
        await meeting.UnsubscribeAsync(reference);
        cluster.Client.DeleteObjectReference<IMeetingObserver>(reference);
    }

    [Fact]
    public async Task An_unsubscribed_follower_is_not_brought_back_by_a_new_activation()
    {
        var meeting = await cluster.NewMeetingAsync();
        var observer = new RecordingObserver();
        var reference = cluster.Client.CreateObjectReference<IMeetingObserver>(observer);
        await meeting.SubscribeAsync(reference);
        await meeting.UnsubscribeAsync(reference);

        await cluster.Cluster.DeactivateAsync(meeting);
        var opened = await meeting.OpenAsync(ClusterFixture.Chair);
        var watcher = new RecordingObserver();
        var watching = cluster.Client.CreateObjectReference<IMeetingObserver>(watcher);
        await meeting.SubscribeAsync(watching);
        var moved = await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);

        Assert.True(opened.Ok && moved.Ok);
        Assert.Equal([moved.Version], (await watcher.WaitForAsync(1)).Select(e => e.Version));
        Assert.Empty(await observer.WaitForAsync(0));
        await meeting.UnsubscribeAsync(watching);
        cluster.Client.DeleteObjectReference<IMeetingObserver>(reference);
        cluster.Client.DeleteObjectReference<IMeetingObserver>(watching);
    }

    [Fact]
    public async Task Connections_outlive_the_activation_that_registered_them()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-1", ClusterFixture.Host);
        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-2", ClusterFixture.Host);
        await meeting.ConnectAsync(ClusterFixture.Delegate2, "phone", ClusterFixture.Host);
        await meeting.DisconnectAsync(ClusterFixture.Delegate2, "phone");

        await cluster.Cluster.DeactivateAsync(meeting);
        var after = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        await meeting.DisconnectAsync(ClusterFixture.Delegate1, "tab-1");
        var oneTabLeft = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        await meeting.DisconnectAsync(ClusterFixture.Delegate1, "tab-2");
        var gone = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;

        Assert.True(after.IsConnected("delegate1"));
        Assert.False(after.IsConnected("delegate2"));
        Assert.True(oneTabLeft.IsConnected("delegate1"));
        Assert.False(gone.IsConnected("delegate1"));
        Assert.Equal(MeetingEventKinds.ParticipantLeft, (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value![^1].Command);
    }
}

public sealed class ReactivationOnDisk(FileStorageCluster cluster) : ReactivationTests<FileStorageCluster>(cluster);

public sealed class ReactivationInRedis(RedisStorageCluster cluster) : ReactivationTests<RedisStorageCluster>(cluster);
