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
        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-1", ClusterFixture.Host);
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
        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-1", ClusterFixture.Host);
        await meeting.OpenAsync(ClusterFixture.Chair);
        var v = await meeting.GetVersionAsync();

        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-2", ClusterFixture.Host);      // second tab: no change
        await meeting.DisconnectAsync(ClusterFixture.Delegate1, "tab-1");   // one tab left: still present
        Assert.Equal(v, await meeting.GetVersionAsync());
        await meeting.ConnectAsync(ClusterFixture.Delegate2, "phone", ClusterFixture.Host);      // arrives after the opening
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
    public async Task People_arriving_together_are_written_together_and_every_screen_can_apply_the_batches()
    {
        const int People = 40;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var actors = Enumerable.Range(1, People).Select(i => new People.Actor($"join{suffix}.{i}", $"Đại biểu {i}", ClusterFixture.Org, false)).ToList();
        foreach (var a in actors)
        {
            await cluster.Client.GetGrain<People.IUserGrain>(a.UserName).RegisterAsync(new People.UserRegistration(
                new People.UserProfile(a.UserName, a.DisplayName, a.OrganizationId, "Thành viên", false), "mat-khau-du-dai"));
        }

        var meeting = cluster.Client.GetGrain<IMeetingGrain>(MeetingKey.Of(ClusterFixture.Org, $"join-{suffix}"));
        Assert.True((await meeting.CreateAsync(ClusterFixture.Chair, new MeetingSetup(new MeetingDetails("Hội nghị trực tuyến", "Hội trường", DateTimeOffset.UtcNow),
            [new(ClusterFixture.Chair.UserName, MeetingRole.Chair), .. actors.Select(a => new ParticipantInvite(a.UserName, MeetingRole.Delegate))],
            [new AgendaItemInput("Nội dung", null, 10, null)]))).Ok);
        Assert.True((await meeting.ScheduleAsync(ClusterFixture.Chair)).Ok);
        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        var start = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        var observer = new RecordingObserver();
        var reference = cluster.Client.CreateObjectReference<IMeetingObserver>(observer);
        await meeting.SubscribeAsync(reference);

        var joined = await Task.WhenAll(actors.Select(a => meeting.ConnectAsync(a, $"tab-{a.UserName}", ClusterFixture.Host)));

        Assert.All(joined, r => Assert.True(r.Ok, r.Error?.Code));
        var after = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        Assert.All(actors, a => Assert.True(after.IsConnected(a.UserName)));
        Assert.All(actors, a => Assert.True(after.Attendance.Single(p => p.UserName == a.UserName).JoinedLate));
        var writes = after.Version - start.Version;
        Assert.InRange(writes, 1, People - 1);
        var events = await observer.WaitForAsync((int)writes);
        Assert.Contains(events, e => e.Kind == MeetingEventKinds.AttendanceChanged && e.AttendanceUpdates!.Value.Length > 1);
        Assert.Equal(after, events.Aggregate(start, (s, e) => s.Apply(e)), SnapshotComparer.Instance);
        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value!;
        Assert.Equal(writes, ledger.Count(e => e.Command is MeetingEventKinds.AttendanceChanged or MeetingEventKinds.ParticipantJoined));

        await Task.WhenAll(actors.Take(10).Select(a => meeting.DisconnectAsync(a, $"tab-{a.UserName}")));
        var left = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        Assert.Equal(People - 10, actors.Count(a => left.IsConnected(a.UserName)));
        await meeting.UnsubscribeAsync(reference);
        cluster.Client.DeleteObjectReference<IMeetingObserver>(reference);
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
}

public sealed class MeetingEventsOnDisk(FileStorageCluster cluster) : MeetingEventsTests<FileStorageCluster>(cluster);

public sealed class MeetingEventsInRedis(RedisStorageCluster cluster) : MeetingEventsTests<RedisStorageCluster>(cluster);
