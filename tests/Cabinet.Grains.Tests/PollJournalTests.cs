using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Motions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Cabinet.Grains.Tests;

/// <summary>A poll's ballots live in its own journal: its stored state does not grow with them, and a reactivation or a crash between the two writes loses or doubles none.</summary>
public abstract class PollJournalTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    private const int Voters = 200;

    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task The_stored_poll_does_not_grow_with_its_ballots_and_a_reactivation_keeps_every_one()
    {
        var (meeting, id, voters) = await cluster.CrowdWithOpenPollAsync("jr", Voters, Secrecy.Named);
        var key = $"{id}/p1";
        var poll = Grains.GetGrain<IPollGrain>(key);
        var opened = (await cluster.StoredStateAsync(key, "\"BallotCount\"")).Length;
        var ballots = voters.Select((v, i) => v.Ballot(id, "p1", i % 4 == 0 ? "no" : "yes")).ToList();
        var receipts = new List<Receipt>();
        var sizes = new List<int>();
        for (var i = 0; i < Voters; i++)
        {
            var cast = await poll.CastAsync(voters[i].Actor, ballots[i]);
            Assert.True(cast.Ok, cast.Error?.Code);
            receipts.Add(cast.Value!);
            if (i is 0 or 9 or Voters - 1)
            {
                sizes.Add((await cluster.StoredStateAsync(key, "\"BallotCount\"")).Length);
            }
        }

        // The first ballot and the two-hundredth cost the same write (a few bytes for the count's digits); each named
        // ballot as signed is hundreds of bytes, so a state that kept them would have grown by tens of kilobytes.
        Assert.All(sizes, size => Assert.InRange(size - opened, 0, 64));
        Assert.InRange(sizes[^1] - sizes[0], 0, 8);

        await cluster.Cluster.DeactivateAsync(poll);
        var replay = await poll.CastAsync(voters[6].Actor, ballots[6]);
        Assert.Equal(receipts[6], replay.Value);
        Assert.Equal(Voters, (await poll.GetParticipationAsync(false)).Voted);
        Assert.True((await poll.GetBallotOfAsync(voters[42].Actor.UserName)).Voted);

        Assert.True((await meeting.ClosePollAsync(ClusterFixture.Chair, "p1")).Ok);
        await cluster.Cluster.DeactivateAsync(poll);
        var result = (await poll.GetResultAsync()).Value!;
        var chain = (await poll.GetChainAsync()).Value!;
        var evidence = (await poll.GetBallotEvidenceAsync()).Value;
        Assert.Equal(Voters, result.BallotCount);
        Assert.Null(BallotChain.FindFirstFault(chain.Entries, result.ChainHead, Voters));
        Assert.All(receipts, r => Assert.True(chain.Contains(r)));
        Assert.Equal(Voters / 4, result.Outcome.No);
        Assert.Equal(Enumerable.Range(1, Voters).Select(p => (long)p), evidence.Select(e => e.Position));
        Assert.Equal(chain.Entries.Select(e => e.Ballot.Voter), evidence.Select(e => e.Ballot.Voter));
        Assert.Equal(ballots[42].Signature, evidence[(int)receipts[42].Position - 1].Signature);
    }

    [Fact]
    public async Task A_crash_between_the_journal_append_and_the_state_write_loses_and_doubles_no_ballot()
    {
        var (meeting, id, voters) = await cluster.LiveMeetingWithVotersAsync();
        Assert.True((await meeting.OpenPollAsync(ClusterFixture.Chair, new MotionInput("i1", "Thông qua", Secrecy: Secrecy.Secret))).Ok);
        var key = $"{id}/p1";
        var poll = Grains.GetGrain<IPollGrain>(key);
        var journal = cluster.Journal(PollGrain.JournalName);
        var first = await poll.CastAsync(voters[0].Actor, voters[0].Ballot(id, "p1", "yes"));
        Assert.True(first.Ok, first.Error?.Code);

        cluster.FailingStateWrites[key] = true;
        var ballot = voters[1].Ballot(id, "p1", "no");
        var failed = await poll.CastAsync(voters[1].Actor, ballot);
        cluster.FailingStateWrites.TryRemove(key, out _);
        Assert.Equal(ErrorCodes.StorageFailed.Code, failed.Error?.Code);
        Assert.Equal(2, await journal.LastSequenceAsync(key)); // the line is there; its state write is not

        await cluster.Cluster.DeactivateAsync(poll);
        Assert.Equal(1, (await poll.GetParticipationAsync(false)).Voted);
        Assert.Equal(1, await journal.LastSequenceAsync(key)); // the unacknowledged line was cut on activation

        var retried = await poll.CastAsync(voters[1].Actor, ballot);
        Assert.True(retried.Ok, retried.Error?.Code);
        Assert.Equal(2, retried.Value!.Position);
        Assert.True((await poll.CastAsync(voters[2].Actor, voters[2].Ballot(id, "p1", "yes"))).Ok);
        Assert.True((await meeting.ClosePollAsync(ClusterFixture.Chair, "p1")).Ok);

        var result = (await poll.GetResultAsync()).Value!;
        var chain = (await poll.GetChainAsync()).Value!;
        Assert.Equal(3, result.BallotCount);
        Assert.Equal(3, await journal.LastSequenceAsync(key));
        Assert.Null(BallotChain.FindFirstFault(chain.Entries, result.ChainHead, 3));
        Assert.True(chain.Contains(retried.Value));
        Assert.All(chain.Entries, e => Assert.Null(e.Ballot.Voter));
        Assert.Empty((await poll.GetBallotEvidenceAsync()).Value);
    }

    [Fact]
    public async Task A_poll_stored_before_the_journal_has_its_ballots_moved_into_it()
    {
        var (meeting, id, voters) = await cluster.LiveMeetingWithVotersAsync();
        Assert.True((await meeting.OpenPollAsync(ClusterFixture.Chair, new MotionInput("i1", "Thông qua", Secrecy: Secrecy.Named))).Ok);
        var key = $"{id}/p1";
        var poll = Grains.GetGrain<IPollGrain>(key);
        foreach (var voter in voters)
        {
            Assert.True((await poll.CastAsync(voter.Actor, voter.Ballot(id, "p1", "yes"))).Ok);
        }

        Assert.True((await meeting.ClosePollAsync(ClusterFixture.Chair, "p1")).Ok);
        var chain = (await poll.GetChainAsync()).Value!;
        var evidence = (await poll.GetBallotEvidenceAsync()).Value;
        await cluster.Cluster.DeactivateAsync(poll);

        // The state as it was stored before the journal: the whole chain, who voted and every ballot as signed inside it.
        var storage = cluster.Cluster.GetSiloServiceProvider(cluster.Cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(Storage.StorageNames.Meetings);
        var stored = new GrainState<PollState>();
        await storage.ReadStateAsync("poll", poll.GetGrainId(), stored);
        stored.State = new PollState
        {
            Book = stored.State!.Book! with { Chain = chain, VotersWhoVoted = [.. voters.Select(v => v.Actor.UserName)] },
            Result = stored.State.Result,
            Evidence = evidence,
        };
        await storage.WriteStateAsync("poll", poll.GetGrainId(), stored);
        await cluster.Journal(PollGrain.JournalName).TruncateAfterAsync(key, 0);

        Assert.Equal(chain.Entries.Select(e => e.Hash), (await poll.GetChainAsync()).Value!.Entries.Select(e => e.Hash));
        Assert.Equal(evidence.Select(e => e.Signature), (await poll.GetBallotEvidenceAsync()).Value.Select(e => e.Signature));
        Assert.Equal(3, (await poll.GetParticipationAsync(false)).Voted);
        Assert.Equal(3, await cluster.Journal(PollGrain.JournalName).LastSequenceAsync(key));
        await storage.ReadStateAsync("poll", poll.GetGrainId(), stored);
        Assert.Equal((0, 3, true), (stored.State.Book!.Chain.Count, stored.State.BallotCount, stored.State.Evidence.IsEmpty));
    }
}

public sealed class PollJournalOnDisk(FileStorageCluster cluster) : PollJournalTests<FileStorageCluster>(cluster);

public sealed class PollJournalInRedis(RedisStorageCluster cluster) : PollJournalTests<RedisStorageCluster>(cluster);
