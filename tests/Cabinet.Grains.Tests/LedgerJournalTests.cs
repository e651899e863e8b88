using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Voting.Ledger;

namespace Cabinet.Grains.Tests;

/// <summary>
/// The ledger lives in the journal: the stored state stays the same size however long the meeting runs, the chain
/// read back page by page verifies, and an entry whose state write never happened is gone after reactivation.
/// </summary>
public abstract class LedgerJournalTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    [Fact]
    public async Task The_stored_state_stays_bounded_and_the_journal_holds_the_whole_chain()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        var id = meeting.GetPrimaryKeyString();
        await MoveAsync(meeting, 40);
        var early = await cluster.StoredStateAsync(id);
        await MoveAsync(meeting, 600);
        var late = await cluster.StoredStateAsync(id);

        // 600 more entries of ≈ 450 bytes each would add ≈ 270 KB if the state carried the ledger.
        Assert.InRange(late.Length, early.Length - 1024, early.Length + 1024);
        Assert.Equal(MeetingState.LedgerTailLength, LedgerSteps.LedgerEntriesIn(late));
        var version = await meeting.GetVersionAsync();
        var ledger = await meeting.ReadLedgerAsync();
        Assert.Equal(version, ledger.Length);
        Assert.Null(LedgerVerifier.FindFirstFault(ledger));
        Assert.Equal(Enumerable.Range(1, (int)version).Select(i => (long)i), ledger.Select(e => e.Sequence));
        Assert.Equal(ledger, await meeting.ReadLedgerAsync(pageSize: 7));
        Assert.Equal(ErrorCodes.LedgerTooLong.Code, (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Error?.Code);
    }

    [Fact]
    public async Task A_page_stays_far_below_the_hub_message_limit()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        await MoveAsync(meeting, 150);

        var page = (await meeting.GetLedgerPageAsync(ClusterFixture.Chair, 1, 10_000)).Value!;

        Assert.InRange(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(page.Entries).Length, 1, LedgerPage.MaxBytes);
        Assert.Equal(page.Entries.Length + 1, page.NextSequence);
        Assert.Empty((await meeting.GetLedgerPageAsync(ClusterFixture.Chair, page.LastSequence + 1, 10)).Value!.Entries);
        Assert.Single((await meeting.GetLedgerPageAsync(ClusterFixture.Chair, 0, 0)).Value!.Entries);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetLedgerPageAsync(ClusterFixture.Outsider, 1, 10)).Error?.Code);
    }

    [Fact]
    public async Task An_entry_the_state_never_stored_is_cut_from_the_journal_on_reactivation()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        var id = meeting.GetPrimaryKeyString();
        await MoveAsync(meeting, 3);
        var before = await meeting.ReadLedgerAsync();
        await cluster.Cluster.DeactivateAsync(meeting);
        // What a crash between the journal append and the state write leaves behind.
        var orphan = LedgerEntry.Next(before[^1], before[^1].Version + 1, DateTimeOffset.UtcNow, "chair", MeetingEventKinds.CurrentItemChanged, "{\"orphan\":true}");
        var journal = cluster.Journal();
        await journal.AppendAsync(id, [orphan]);
        Assert.Equal(before.Length + 1, await journal.LastSequenceAsync(id));

        Assert.Equal(before, await meeting.ReadLedgerAsync());
        Assert.Equal(before.Length, await journal.LastSequenceAsync(id));
        await MoveAsync(meeting, 1);
        var after = await meeting.ReadLedgerAsync();
        Assert.Null(LedgerVerifier.FindFirstFault(after));
        Assert.Equal(before.Length + 1, after.Length);
        Assert.DoesNotContain(after, e => e.Hash == orphan.Hash || e.Detail.Contains("orphan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_state_write_that_fails_after_the_append_leaves_no_entry_behind()
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        var id = meeting.GetPrimaryKeyString();
        await MoveAsync(meeting, 2);
        var before = await meeting.ReadLedgerAsync();
        var version = await meeting.GetVersionAsync();

        cluster.FailingStateWrites[id] = true;
        var refused = await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next);
        cluster.FailingStateWrites.TryRemove(id, out _);

        Assert.Equal(ErrorCodes.StorageFailed.Code, refused.Error?.Code);
        Assert.Equal(before.Length + 1, await cluster.Journal().LastSequenceAsync(id)); // appended, never acknowledged
        Assert.Equal(version, await meeting.GetVersionAsync());
        Assert.Equal(before, await meeting.ReadLedgerAsync());
        Assert.True((await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next)).Ok);
        var after = await meeting.ReadLedgerAsync();
        Assert.Null(LedgerVerifier.FindFirstFault(after));
        Assert.Equal(before.Length + 1, after.Length);
        Assert.Equal(version + 1, after[^1].Version);
    }

    [Fact]
    public async Task A_journal_that_lags_the_state_is_completed_from_the_stored_tail()
    {
        // A state written before the journal existed carries its ledger itself; activation moves it into the journal.
        var meeting = await cluster.NewLiveMeetingAsync();
        var id = meeting.GetPrimaryKeyString();
        await MoveAsync(meeting, 5);
        var before = await meeting.ReadLedgerAsync();
        await cluster.Cluster.DeactivateAsync(meeting);
        await cluster.Journal().TruncateAfterAsync(id, 0);

        Assert.Equal(before, await meeting.ReadLedgerAsync());
        Assert.Equal(before.Length, await cluster.Journal().LastSequenceAsync(id));
    }

    private static async Task MoveAsync(IMeetingGrain meeting, int moves)
    {
        for (var i = 0; i < moves; i++)
        {
            var result = await meeting.MoveAsync(ClusterFixture.Chair, i % 2 == 0 ? AgendaMove.Next : AgendaMove.Previous);
            Assert.True(result.Ok, result.Error?.Code);
        }
    }
}

public sealed class LedgerJournalOnDisk(FileStorageCluster cluster) : LedgerJournalTests<FileStorageCluster>(cluster);

public sealed class LedgerJournalInRedis(RedisStorageCluster cluster) : LedgerJournalTests<RedisStorageCluster>(cluster);
