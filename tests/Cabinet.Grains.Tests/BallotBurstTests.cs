using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.Grains.Tests;

/// <summary>Many ballots at once share writes (group commit): every receipt is for a stored, counted ballot.</summary>
public abstract class BallotBurstTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    private const int Voters = 90;

    [Fact]
    public async Task A_burst_of_ballots_gets_one_receipt_each_and_the_tally_equals_the_receipts()
    {
        var grains = cluster.Client;
        var (meeting, id, voters) = await cluster.CrowdWithOpenPollAsync("burst", Voters, Voting.Motions.Secrecy.Secret);

        var ballots = voters.Select((v, i) => (v, v.Ballot(id, "p1", i % 3 == 0 ? "no" : "yes"))).ToList();
        var poll = grains.GetGrain<IPollGrain>($"{id}/p1");

        var results = await Task.WhenAll(ballots.Select(b => poll.CastAsync(b.v.Actor, b.Item2)));
        var replays = await Task.WhenAll(ballots.Take(10).Select(b => poll.CastAsync(b.v.Actor, b.Item2)));
        Assert.True((await meeting.ClosePollAsync(ClusterFixture.Chair, "p1")).Ok);

        Assert.All(results, r => Assert.True(r.Ok, r.Error?.Code));
        Assert.Equal(Enumerable.Range(1, Voters).Select(i => (long)i), results.Select(r => r.Value!.Position).Order());
        Assert.Equal(results.Take(10).Select(r => r.Value), replays.Select(r => r.Value));
        var chain = (await meeting.GetBallotChainAsync(ClusterFixture.Chair, "p1")).Value!;
        var result = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Polls.Single().Result!;
        Assert.Equal(Voters, result.BallotCount);
        Assert.All(results, r => Assert.True(chain.Contains(r.Value!)));
        Assert.Null(BallotChain.FindFirstFault(chain.Entries, result.ChainHead, Voters));
        Assert.Equal(Voters / 3, result.Outcome.No);

        // Read by pages of 40, the chain is the same chain, and a page never exceeds its bound.
        var walked = new List<BallotChainEntry>();
        int? after = 0;
        while (after is { } from)
        {
            var page = (await meeting.GetBallotChainPageAsync(ClusterFixture.Chair, "p1", from, 40)).Value!;
            Assert.InRange(page.Entries.Length, 1, 40);
            Assert.Equal((Voters, result.ChainHead), (page.Count, page.Head));
            walked.AddRange(page.Entries);
            after = page.NextAfter;
        }

        Assert.Equal(chain.Entries.Select(e => e.Hash), walked.Select(e => e.Hash));
        Assert.Equal(Math.Min(Voters, BallotChainPage.MaxEntries), (await meeting.GetBallotChainPageAsync(ClusterFixture.Chair, "p1", 0, 10_000)).Value!.Entries.Length);
    }
}

public sealed class BallotBurstOnDisk(FileStorageCluster cluster) : BallotBurstTests<FileStorageCluster>(cluster);

public sealed class BallotBurstInRedis(RedisStorageCluster cluster) : BallotBurstTests<RedisStorageCluster>(cluster);
