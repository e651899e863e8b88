using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Voting.Ledger;

namespace Cabinet.Grains.Tests;

/// <summary>The lifecycle rules, versioning and ledger of the meeting grain; run once per storage mode.</summary>
public abstract class MeetingLifecycleTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    [Fact]
    public async Task Chair_runs_the_agenda_and_every_accepted_command_bumps_the_version_by_one()
    {
        var meeting = await cluster.NewMeetingAsync();
        var v0 = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Version;

        var steps = new List<CommandResult>
        {
            await meeting.OpenAsync(ClusterFixture.Chair),
            await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next),
            await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next),
            await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Previous),
            await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.To("i1")),
            await meeting.CloseAsync(ClusterFixture.Chair),
        };

        Assert.All(steps, s => Assert.True(s.Ok, s.Error?.Code));
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(i => v0 + i), steps.Select(s => s.Version));
        var snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        Assert.Equal(MeetingStatus.Closed, snapshot.Status);
        Assert.Equal("i1", snapshot.Current!.ItemId);
        Assert.NotNull(snapshot.OpenedAt);
        Assert.NotNull(snapshot.ClosedAt);
    }

    [Fact]
    public async Task The_ledger_has_one_chained_entry_per_accepted_command()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.OpenAsync(ClusterFixture.Chair);
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);
        await meeting.MoveAsync(ClusterFixture.Delegate1, AgendaMove.Next); // refused: not in the ledger

        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;
        var version = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Version;

        Assert.Equal(version, ledger.Length);
        Assert.Null(LedgerVerifier.FindFirstFault(ledger));
        Assert.Equal(
            [MeetingEventKinds.Created, MeetingEventKinds.Scheduled, MeetingEventKinds.Opened, MeetingEventKinds.CurrentItemChanged],
            ledger.Select(e => e.Command));
        Assert.Equal(["chair", "secretary", "chair", "chair"], ledger.Select(e => e.Actor));
        Assert.Equal(ledger.Select(e => e.Version), Enumerable.Range(1, ledger.Length).Select(i => (long)i));
    }

    [Fact]
    public async Task A_tampered_ledger_is_detected()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.OpenAsync(ClusterFixture.Chair);
        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;

        Assert.Equal(2, LedgerVerifier.FindFirstFault(ledger.SetItem(1, ledger[1] with { Actor = "someone-else" }))!.Sequence);
        Assert.Equal(2, LedgerVerifier.FindFirstFault(ledger.RemoveAt(1))!.Sequence);
        Assert.Equal(1, LedgerVerifier.FindFirstFault([ledger[1], ledger[0], ledger[2]])!.Sequence);
    }

    [Theory]
    [InlineData("close-draft")]
    [InlineData("open-draft")]
    [InlineData("move-scheduled")]
    [InlineData("move-closed")]
    [InlineData("close-closed")]
    [InlineData("add-item-closed")]
    public async Task Illegal_transitions_are_refused_and_change_nothing(string attempt)
    {
        var meeting = await cluster.NewMeetingAsync(schedule: attempt is not ("close-draft" or "open-draft"));
        if (attempt.EndsWith("-closed", StringComparison.Ordinal))
        {
            await meeting.OpenAsync(ClusterFixture.Chair);
            await meeting.CloseAsync(ClusterFixture.Chair);
        }

        var before = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        var ledgerBefore = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;

        var result = attempt switch
        {
            "close-draft" or "close-closed" => await meeting.CloseAsync(ClusterFixture.Chair),
            "open-draft" => await meeting.OpenAsync(ClusterFixture.Chair),
            "add-item-closed" => await meeting.AddAgendaItemAsync(ClusterFixture.Chair, new AgendaItemInput("Mới", null, 5, null)),
            _ => await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next),
        };

        var expected = attempt switch
        {
            "close-draft" or "open-draft" => ErrorCodes.IllegalTransition.Code,
            "move-scheduled" => ErrorCodes.NotLive.Code,
            _ => ErrorCodes.MeetingClosed.Code,
        };
        Assert.False(result.Ok);
        Assert.Equal(expected, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.Equal(before, (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!, SnapshotComparer.Instance);
        Assert.Equal(ledgerBefore, (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value);
    }

    [Fact]
    public async Task Moving_past_either_end_of_the_agenda_or_to_an_unknown_item_is_refused()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.OpenAsync(ClusterFixture.Chair);

        Assert.Equal(ErrorCodes.AgendaStart.Code, (await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Previous)).Error!.Code);
        Assert.Equal(ErrorCodes.AgendaItemNotFound.Code, (await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.To("i99"))).Error!.Code);
        await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.To("i3"));
        Assert.Equal(ErrorCodes.AgendaEnd.Code, (await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next)).Error!.Code);
    }

    [Fact]
    public async Task An_unknown_meeting_is_refused_and_not_created_by_the_asking()
    {
        var meeting = cluster.Client.GetGrain<IMeetingGrain>(MeetingKey.Of(ClusterFixture.Org, "khong-ton-tai"));

        Assert.Equal(ErrorCodes.MeetingNotFound.Code, (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Error!.Code);
        Assert.Equal(ErrorCodes.MeetingNotFound.Code, (await meeting.OpenAsync(ClusterFixture.Chair)).Error!.Code);
        Assert.Equal(ErrorCodes.MeetingNotFound.Code, (await meeting.ConnectAsync(ClusterFixture.Chair, "c1", ClusterFixture.Host)).Error!.Code);
        Assert.Equal(0, await meeting.GetVersionAsync());
    }
}

public sealed class MeetingLifecycleOnDisk(FileStorageCluster cluster) : MeetingLifecycleTests<FileStorageCluster>(cluster);

public sealed class MeetingLifecycleInRedis(RedisStorageCluster cluster) : MeetingLifecycleTests<RedisStorageCluster>(cluster);
