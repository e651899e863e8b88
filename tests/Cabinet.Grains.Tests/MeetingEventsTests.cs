using System.Collections.Concurrent;
using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>Observers get every event in version order; a client that missed some catches up; presence follows connections.</summary>
public abstract class MeetingEventsTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    [Fact]
    public async Task Observers_receive_each_event_once_with_consecutive_versions_and_applying_them_gives_the_snapshot()
    {
        var meeting = await cluster.NewMeetingAsync();
        var start = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        var observer = new RecordingObserver();
        var reference = cluster.Client.CreateObjectReference<IMeetingObserver>(observer);
        await meeting.SubscribeAsync(reference);

        await meeting.OpenAsync(ClusterFixture.Chair);
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);
        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-1");
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.To("i3"));

        var events = await observer.WaitForAsync(4);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => start.Version + i), events.Select(e => e.Version));
        var applied = events.Aggregate(start, (s, e) => s.Apply(e));
        var actual = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        Assert.Equal(actual, applied, SnapshotComparer.Instance);
        await meeting.UnsubscribeAsync(reference);
        cluster.Client.DeleteObjectReference<IMeetingObserver>(reference);
    }

    [Fact]
    public async Task A_client_that_missed_events_gets_exactly_the_missing_ones()
    {
        var meeting = await cluster.NewMeetingAsync();
        var seen = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate2)).Value!;
        await meeting.OpenAsync(ClusterFixture.Chair);
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);

        var catchUp = (await meeting.GetEventsSinceAsync(ClusterFixture.Delegate2, seen.Version)).Value!;
        var nothing = (await meeting.GetEventsSinceAsync(ClusterFixture.Delegate2, seen.Version + 2)).Value!;

        Assert.Null(catchUp.Snapshot);
        Assert.Equal([seen.Version + 1, seen.Version + 2], catchUp.Events.Select(e => e.Version));
        Assert.Equal("i2", catchUp.Events.Aggregate(seen, (s, e) => s.Apply(e)).Current!.ItemId);
        Assert.Empty(nothing.Events);
    }

    [Fact]
    public async Task After_reactivation_an_old_version_is_answered_with_a_snapshot()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.OpenAsync(ClusterFixture.Chair);
        await cluster.Cluster.DeactivateAsync(meeting);

        var catchUp = (await meeting.GetEventsSinceAsync(ClusterFixture.Delegate1, 1)).Value!;

        Assert.NotNull(catchUp.Snapshot);
        Assert.Equal(MeetingStatus.Live, catchUp.Snapshot!.Status);
    }

    [Fact]
    public async Task Presence_follows_the_last_open_connection_and_marks_late_arrivals()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-1");
        await meeting.OpenAsync(ClusterFixture.Chair);
        var v = await meeting.GetVersionAsync();

        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-2");      // second tab: no change
        await meeting.DisconnectAsync(ClusterFixture.Delegate1, "tab-1");   // one tab left: still present
        Assert.Equal(v, await meeting.GetVersionAsync());
        await meeting.ConnectAsync(ClusterFixture.Delegate2, "phone");      // arrives after the opening
        await meeting.DisconnectAsync(ClusterFixture.Delegate1, "tab-2");   // last tab: left

        var attendance = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Attendance.ToDictionary(a => a.UserName);
        Assert.Equal(v + 2, await meeting.GetVersionAsync());
        Assert.False(attendance["delegate1"].Connected);
        Assert.NotNull(attendance["delegate1"].LastLeftAt);
        Assert.False(attendance["delegate1"].JoinedLate);
        Assert.True(attendance["delegate2"].Connected);
        Assert.True(attendance["delegate2"].JoinedLate);
        Assert.Null(attendance["chair"].FirstJoinedAt);
    }

    [Fact]
    public async Task State_survives_deactivation_from_storage()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.OpenAsync(ClusterFixture.Chair);
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);
        var before = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        var ledgerBefore = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;

        await cluster.Cluster.DeactivateAsync(meeting);

        Assert.Equal(before, (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!, SnapshotComparer.Instance);
        Assert.Equal(ledgerBefore, (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value);
    }

    private sealed class RecordingObserver : IMeetingObserver
    {
        private readonly ConcurrentQueue<MeetingEvent> _events = new();

        public Task OnMeetingEventAsync(MeetingEvent meetingEvent)
        {
            _events.Enqueue(meetingEvent);
            return Task.CompletedTask;
        }

        public Task OnPollParticipationAsync(Polls.PollParticipation participation) => Task.CompletedTask;

        public Task OnAnnotationAsync(Documents.AnnotationChange change) => Task.CompletedTask;

        public async Task<List<MeetingEvent>> WaitForAsync(int count)
        {
            for (var i = 0; i < 200 && _events.Count < count; i++)
            {
                await Task.Delay(25);
            }

            return [.. _events.OrderBy(e => e.Version)];
        }
    }
}

public sealed class MeetingEventsOnDisk(FileStorageCluster cluster) : MeetingEventsTests<FileStorageCluster>(cluster);

public sealed class MeetingEventsInRedis(RedisStorageCluster cluster) : MeetingEventsTests<RedisStorageCluster>(cluster);
