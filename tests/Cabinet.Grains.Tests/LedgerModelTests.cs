using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Voting.Ledger;
using CsCheck;

namespace Cabinet.Grains.Tests;

/// <summary>
/// Random command sequences from the chair, a delegate and an outsider, with refusals and grain restarts, against a
/// model of the agenda: each answer is what the model expects, the events rebuild the final snapshot from the first,
/// the ledger read from the journal is one verified entry per version, and the stored state stays bounded.
/// </summary>
public abstract class LedgerModelTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    private const int Items = 3;

    private static readonly Actor[] Actors = [ClusterFixture.Chair, ClusterFixture.Delegate1, ClusterFixture.Outsider];

    private static readonly Gen<(int Actor, Step Step, int Item)[]> Sequences =
        Gen.Select(Gen.Int[0, Actors.Length - 1], Gen.Enum<Step>(), Gen.Int[0, Items - 1]).Array[1, 40];

    public enum Step
    {
        Next,
        Previous,
        GoTo,
        GoToUnknown,
        RequestFloor,
        WithdrawFloor,
        GrantNext,
        EndSpeech,
        Restart,
    }

    [Fact]
    public Task Events_rebuild_the_snapshot_the_ledger_verifies_and_the_state_stays_bounded() =>
        Sequences.SampleAsync(RunAsync, iter: 30, threads: 1);

    private async Task RunAsync((int Actor, Step Step, int Item)[] steps)
    {
        var meeting = await cluster.NewLiveMeetingAsync();
        // More entries than the state's tail holds before the sequence starts, so "bounded" means something.
        for (var i = 0; i < MeetingState.LedgerTailLength + 4; i++)
        {
            Assert.True((await meeting.MoveAsync(ClusterFixture.Chair, i % 2 == 0 ? AgendaMove.Next : AgendaMove.Previous)).Ok);
        }

        var start = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        var recorder = new RecordingObserver();
        var observer = cluster.Client.CreateObjectReference<IMeetingObserver>(recorder);
        await meeting.SubscribeAsync(observer);
        var current = 0;
        foreach (var (who, step, item) in steps)
        {
            if (step == Step.Restart)
            {
                await cluster.Cluster.DeactivateAsync(meeting);
                await meeting.SubscribeAsync(observer);
                continue;
            }

            var actor = Actors[who];
            var before = await meeting.GetVersionAsync();
            var result = await RunAsync(meeting, actor, step, item);
            var after = await meeting.GetVersionAsync();
            Assert.Equal(result.Ok ? result.Version : before, after);
            Assert.InRange(after, before, before + 1);
            if (actor == ClusterFixture.Outsider)
            {
                Assert.False(result.Ok, $"{step} by an outsider");
            }

            if (step is Step.Next or Step.Previous or Step.GoTo or Step.GoToUnknown)
            {
                var target = step switch
                {
                    Step.Next => current + 1,
                    Step.Previous => current - 1,
                    Step.GoTo => item,
                    _ => -1,
                };
                var allowed = actor == ClusterFixture.Chair && target is >= 0 and < Items;
                Assert.True(allowed == result.Ok, $"{step} to {target} by {actor.UserName}: {result.Error?.Code}");
                Assert.Equal(allowed && target != current ? before + 1 : before, after);
                current = allowed ? target : current;
            }
        }

        var final = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        Assert.Equal($"i{current + 1}", final.Current!.ItemId);
        var events = await recorder.WaitForAsync((int)(final.Version - start.Version));
        Assert.Equal(final, events.Aggregate(start, (s, e) => s.Apply(e)), SnapshotComparer.Instance);

        var ledger = await meeting.ReadLedgerAsync(pageSize: 16);
        Assert.Null(LedgerVerifier.FindFirstFault(ledger));
        Assert.Equal(Enumerable.Range(1, (int)final.Version).Select(v => (long)v), ledger.Select(e => e.Version));
        var stored = await cluster.StoredStateAsync(meeting.GetPrimaryKeyString());
        Assert.InRange(LedgerSteps.LedgerEntriesIn(stored), 1, MeetingState.LedgerTailLength);
        Assert.InRange(stored.Length, 1, 48 * 1024);
        await meeting.UnsubscribeAsync(observer);
        cluster.Client.DeleteObjectReference<IMeetingObserver>(observer);
    }

    private static Task<CommandResult> RunAsync(IMeetingGrain meeting, Actor actor, Step step, int item) => step switch
    {
        Step.Next => meeting.MoveAsync(actor, AgendaMove.Next),
        Step.Previous => meeting.MoveAsync(actor, AgendaMove.Previous),
        Step.GoTo => meeting.MoveAsync(actor, AgendaMove.To($"i{item + 1}")),
        Step.GoToUnknown => meeting.MoveAsync(actor, AgendaMove.To("khong-co")),
        Step.RequestFloor => meeting.RequestFloorAsync(actor, new FloorRequestInput("Ý kiến", item == 0)),
        Step.WithdrawFloor => meeting.WithdrawFloorRequestAsync(actor),
        Step.GrantNext => meeting.GrantFloorAsync(actor, FloorGrant.Next),
        Step.EndSpeech => meeting.EndSpeechAsync(actor),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}

public sealed class LedgerModelOnDisk(FileStorageCluster cluster) : LedgerModelTests<FileStorageCluster>(cluster);

public sealed class LedgerModelInRedis(RedisStorageCluster cluster) : LedgerModelTests<RedisStorageCluster>(cluster);
