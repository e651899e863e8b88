using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Voting.Ledger;

namespace Cabinet.Grains.Tests;

/// <summary>Speeches, their history in the snapshot and the ledger, and the room view; run once per storage mode.</summary>
public abstract class FloorSpeechTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    private static readonly FloorRequestInput Ask = new("Ý kiến");

    [Fact]
    public async Task Speeches_are_recorded_per_item_in_the_snapshot_and_the_ledger()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate2, new FloorRequestInput("Thủ tục", PointOfOrder: true));
        await meeting.RequestFloorAsync(ClusterFixture.Secretary, Ask);

        Assert.True((await meeting.GrantFloorAsync(ClusterFixture.Chair, new FloorGrant(LimitSeconds: 60))).Ok);  // delegate2, point of order
        Assert.True((await meeting.SetSpeakingTimeAsync(ClusterFixture.Chair, 90)).Ok);
        Assert.True((await meeting.GrantFloorAsync(ClusterFixture.Chair, new FloorGrant("secretary"))).Ok);      // supersedes delegate2
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.EndSpeechAsync(ClusterFixture.Delegate1)).Error!.Code);
        Assert.True((await meeting.EndSpeechAsync(ClusterFixture.Secretary)).Ok);                                 // the speaker ends it
        Assert.Equal(ErrorCodes.FloorNobodySpeaking.Code, (await meeting.EndSpeechAsync(ClusterFixture.Chair)).Error!.Code);
        Assert.True((await meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next)).Ok);                   // delegate1
        Assert.True((await meeting.EndSpeechAsync(ClusterFixture.Chair)).Ok);

        var floor = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!.Floor;
        var speeches = floor.For("i1").Speeches;
        Assert.Null(floor.Speaking);
        Assert.Empty(floor.For("i1").Queue);
        Assert.Equal(["delegate2", "secretary", "delegate1"], speeches.Select(s => s.UserName));
        Assert.Equal([true, false, false], speeches.Select(s => s.PointOfOrder));
        Assert.Equal([SpeechEnding.Superseded, SpeechEnding.Ended, SpeechEnding.Ended], speeches.Select(s => s.Ending!.Value));
        Assert.Equal([90, FloorLimits.DefaultSpeakingSeconds, FloorLimits.DefaultSpeakingSeconds], speeches.Select(s => s.LimitSeconds));
        Assert.Equal(["chair", "secretary", "chair"], speeches.Select(s => s.EndedBy));
        Assert.All(speeches, s => Assert.Equal("chair", s.GrantedBy));
        Assert.Equal(3, floor.Statistics().Length);
        Assert.Equal(1, floor.Statistics().Single(s => s.UserName == "delegate2").PointsOfOrder);

        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;
        Assert.Null(LedgerVerifier.FindFirstFault(ledger));
        Assert.Equal(
            [
                MeetingEventKinds.FloorRequested, MeetingEventKinds.FloorRequested, MeetingEventKinds.FloorRequested,
                MeetingEventKinds.FloorGranted, MeetingEventKinds.SpeakingTimeChanged, MeetingEventKinds.FloorGranted,
                MeetingEventKinds.SpeechEnded, MeetingEventKinds.FloorGranted, MeetingEventKinds.SpeechEnded,
            ],
            ledger.Skip(3).Select(e => e.Command));
        Assert.Contains("\"superseded\":{\"item\":\"i1\",\"userName\":\"delegate2\"", ledger[8].Detail, StringComparison.Ordinal);
        Assert.Contains("\"pointOfOrder\":true", ledger[4].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_on_ends_the_speech_in_the_same_step_and_closing_waits_for_the_speaker()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask);
        await meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next);
        var moved = await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate2, Ask);
        var granted = await meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next);
        var refused = await meeting.CloseAsync(ClusterFixture.Chair);

        Assert.Equal(ErrorCodes.FloorSpeaking.Code, refused.Error!.Code);
        Assert.Equal(granted.Version, await meeting.GetVersionAsync());
        Assert.True((await meeting.EndSpeechAsync(ClusterFixture.Chair)).Ok);
        var closed = await meeting.CloseAsync(ClusterFixture.Chair);
        Assert.True(closed.Ok, closed.Error?.Code);

        var floor = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Floor;
        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;
        Assert.Null(floor.Speaking);
        Assert.Equal(SpeechEnding.ItemChanged, floor.For("i1").Speeches.Single().Ending);
        Assert.Equal(SpeechEnding.Ended, floor.For("i2").Speeches.Single().Ending);
        Assert.Contains("\"speechEnded\":{\"item\":\"i1\",\"userName\":\"delegate1\"", ledger.Single(e => e.Version == moved.Version).Detail, StringComparison.Ordinal);
        Assert.Equal(closed.Version, ledger.Single(e => e.Command == MeetingEventKinds.Closed).Version);
    }

    [Fact]
    public async Task A_long_debate_keeps_the_recent_speeches_in_the_state_and_every_one_in_the_ledger_and_the_minutes()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        var start = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        const int Speeches = 25;
        var storedAtTwelve = 0;
        for (var i = 0; i < Speeches; i++)
        {
            if (i == 12)
            {
                storedAtTwelve = (await cluster.StoredStateAsync(meeting.GetPrimaryKeyString())).Length;
            }

            var speaker = i % 2 == 0 ? ClusterFixture.Delegate1 : ClusterFixture.Delegate2;
            Assert.True((await meeting.RequestFloorAsync(speaker, new FloorRequestInput($"Lượt {i}", PointOfOrder: i == 3))).Ok);
            Assert.True((await meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next)).Ok);
            if (i < Speeches - 1)
            {
                Assert.True((await meeting.EndSpeechAsync(ClusterFixture.Chair)).Ok);
            }
        }

        var storedAtTwentyFour = (await cluster.StoredStateAsync(meeting.GetPrimaryKeyString())).Length;
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);   // ends the last one as itemChanged

        // Twelve more speeches (about 300 bytes each if they were all kept) cost the state next to nothing.
        Assert.InRange(storedAtTwentyFour - storedAtTwelve, -1024, 1024);

        var actual = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        var item = actual.Floor.For("i1");
        Assert.Equal(ItemFloor.RecentSpeeches, item.Speeches.Length);
        Assert.Equal(Speeches, item.SpeechCount);
        Assert.Equal($"Lượt {Speeches - 1}", item.Speeches[^1].Topic);
        Assert.Equal(SpeechEnding.ItemChanged, item.Speeches[^1].Ending);
        Assert.Equal(13, actual.Floor.Statistics().Single(s => s.UserName == "delegate1").Speeches);
        Assert.Equal(12, actual.Floor.Statistics().Single(s => s.UserName == "delegate2").Speeches);
        Assert.Equal(1, actual.Floor.Statistics().Single(s => s.UserName == "delegate2").PointsOfOrder);

        var events = (await meeting.GetEventsSinceAsync(ClusterFixture.Delegate1, start.Version)).Value!.Events;
        Assert.All(events.Where(e => e.Floor?.Item is not null), e => Assert.True(e.Floor!.Item!.Speeches.Length <= ItemFloor.RecentSpeeches));
        Assert.Equal(actual, events.Aggregate(start, (s, e) => s.Apply(e)), SnapshotComparer.Instance);

        var recorded = SpeechRecord.ReadAll(await meeting.ReadLedgerAsync()).ToList();
        Assert.Equal(Speeches, recorded.Count);
        Assert.All(recorded, r => Assert.Equal("i1", r.Item));
        Assert.Equal([.. Enumerable.Range(0, Speeches).Select(i => i % 2 == 0 ? "delegate1" : "delegate2")], recorded.Select(r => r.UserName));
        Assert.True(recorded[3].PointOfOrder);
        Assert.Equal(SpeechEnding.ItemChanged, recorded[^1].Ending);
    }

    [Fact]
    public async Task Acknowledgements_show_in_the_room_and_never_change_the_version()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        await meeting.ConnectAsync(ClusterFixture.Delegate1, "tab-1", ClusterFixture.Host);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, new FloorRequestInput(PointOfOrder: true));
        var version = await meeting.GetVersionAsync();
        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;

        await meeting.AcknowledgeVersionAsync(ClusterFixture.Delegate1, version);
        await meeting.AcknowledgeVersionAsync(ClusterFixture.Delegate2, version - 1);
        await meeting.AcknowledgeVersionAsync(ClusterFixture.Delegate2, version + 50);   // from the future: capped
        await meeting.AcknowledgeVersionAsync(ClusterFixture.Outsider, version);

        var room = await WaitForRoomAsync(meeting, r => r.Seats.Single(s => s.UserName == "delegate2").UpToDate);
        var d1 = room.Seats.Single(s => s.UserName == "delegate1");
        Assert.True(d1 is { Connected: true, HandRaised: true, PointOfOrder: true, UpToDate: true, Voted: null });
        Assert.Equal(version, room.Seats.Single(s => s.UserName == "delegate2").AcknowledgedVersion);
        Assert.Null(room.Seats.Single(s => s.UserName == "secretary").AcknowledgedVersion);
        Assert.DoesNotContain(room.Seats, s => s.UserName == "outsider");
        Assert.Equal(version, room.Version);
        Assert.Equal(version, await meeting.GetVersionAsync());
        Assert.Equal(ledger, (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value);
        Assert.Empty((await meeting.GetEventsSinceAsync(ClusterFixture.Chair, version)).Value!.Events);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetRoomAsync(ClusterFixture.Delegate1)).Error!.Code);
        Assert.True((await meeting.GetRoomAsync(ClusterFixture.Secretary)).Ok);
    }

    [Fact]
    public async Task Floor_events_applied_in_order_give_the_snapshot_which_survives_deactivation()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        var start = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        await meeting.SetDefaultSpeakingTimeAsync(ClusterFixture.Chair, 120);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate1, Ask);
        await meeting.RequestFloorAsync(ClusterFixture.Delegate2, Ask);
        await meeting.GrantFloorAsync(ClusterFixture.Chair, FloorGrant.Next);
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);
        await meeting.RequestFloorAsync(ClusterFixture.Secretary, Ask);

        var events = (await meeting.GetEventsSinceAsync(ClusterFixture.Delegate1, start.Version)).Value!.Events;
        var applied = events.Aggregate(start, (s, e) => s.Apply(e));
        var actual = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        Assert.Equal(actual, applied, SnapshotComparer.Instance);
        Assert.Equal(120, actual.Floor.For("i1").Speeches.Single().LimitSeconds);

        await cluster.Cluster.DeactivateAsync(meeting);
        Assert.Equal(actual, (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!, SnapshotComparer.Instance);
    }

    private static async Task<RoomView> WaitForRoomAsync(IMeetingGrain meeting, Func<RoomView, bool> condition)
    {
        for (var i = 0; ; i++)
        {
            var room = (await meeting.GetRoomAsync(ClusterFixture.Chair)).Value!;
            if (condition(room) || i == 400)
            {
                return room;
            }

            await Task.Delay(25);
        }
    }
}

public sealed class FloorSpeechOnDisk(FileStorageCluster cluster) : FloorSpeechTests<FileStorageCluster>(cluster);

public sealed class FloorSpeechInRedis(RedisStorageCluster cluster) : FloorSpeechTests<RedisStorageCluster>(cluster);
