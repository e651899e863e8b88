using Cabinet.Voting.Ballots;
using CsCheck;

namespace Cabinet.Voting.Tests;

public sealed class BallotChainTests
{
    private static readonly Gen<BallotChain> Chains =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 3], Gen.Bool).Array[1, 25].Select(votes =>
        {
            var chain = BallotChain.Empty("poll-1");
            foreach (var (i, (choice, weight, named)) in votes.Index())
            {
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));
                chain = chain.Append(hash, [new[] { "yes", "no", "abstain" }[choice]], weight, named ? $"voter{i}" : null).Chain;
            }

            return chain;
        });

    private static BallotChainFault? Check(BallotChain original, IEnumerable<BallotChainEntry> entries) =>
        BallotChain.FindFirstFault(entries, original.Head, original.Count);

    [Fact]
    public void An_untouched_chain_has_no_fault_and_contains_each_receipt() =>
        Chains.Sample(chain =>
        {
            Assert.Null(Check(chain, chain.Entries));
            Assert.All(chain.Entries, e => Assert.True(chain.Contains(chain.ReceiptFor(e))));
        });

    [Fact]
    public void A_ballot_is_found_by_its_hash_in_the_chain_that_holds_it_and_only_there() =>
        Chains.SelectMany(c => Gen.Int[0, c.Count - 1].Select(i => (c, i))).Sample((chain, i) =>
        {
            var hash = chain.Entries[i].Ballot.BallotHash;
            var rebuilt = new BallotChain(chain.PollId, [.. chain.Entries]);
            var shorter = chain with { Entries = chain.Entries.RemoveRange(i, chain.Count - i) };

            Assert.Same(chain.Entries[i], chain.FindByBallotHash(hash));
            Assert.Same(chain.Entries[i], rebuilt.FindByBallotHash(hash));
            Assert.Null(shorter.FindByBallotHash(hash));
            Assert.Null(chain.FindByBallotHash("0000"));
            Assert.Equal(chain, chain with { });
        });

    [Fact]
    public void Removing_any_entry_is_detected() =>
        Chains.SelectMany(c => Gen.Int[0, c.Count - 1].Select(i => (c, i))).Sample((chain, i) =>
        {
            var fault = Check(chain, chain.Entries.RemoveAt(i));

            Assert.NotNull(fault);
            Assert.Equal(i + 1, fault.Position);
            // Without the signed head and count only a removed last entry goes unseen; any other removal still shows.
            Assert.Equal(i == chain.Count - 1, BallotChain.FindFirstFault(chain.Entries.RemoveAt(i)) is null);
        });

    [Fact]
    public void Swapping_any_two_entries_is_detected() =>
        Chains.Where(c => c.Count >= 2).SelectMany(c => Gen.Select(Gen.Int[0, c.Count - 1], Gen.Int[0, c.Count - 1]).Where((i, j) => i != j).Select(p => (c, p.Item1, p.Item2)))
            .Sample((chain, i, j) =>
            {
                var swapped = chain.Entries.SetItem(i, chain.Entries[j]).SetItem(j, chain.Entries[i]);

                Assert.Equal(Math.Min(i, j) + 1, BallotChain.FindFirstFault(swapped)?.Position);
            });

    [Fact]
    public void Altering_choices_weight_voter_or_hash_of_any_entry_is_detected() =>
        Chains.SelectMany(c => Gen.Select(Gen.Int[0, c.Count - 1], Gen.Int[0, 3]).Select(p => (c, p.Item1, p.Item2))).Sample((chain, i, what) =>
        {
            var entry = chain.Entries[i];
            var ballot = entry.Ballot;
            var altered = what switch
            {
                0 => entry with { Ballot = ballot with { Choices = [ballot.Choices[0] == "yes" ? "no" : "yes"] } },
                1 => entry with { Ballot = ballot with { Weight = ballot.Weight + 1 } },
                2 => entry with { Ballot = ballot with { Voter = ballot.Voter is null ? "someone" : null } },
                _ => entry with { Ballot = ballot with { BallotHash = new string('0', 64) } },
            };

            Assert.Equal(i + 1, BallotChain.FindFirstFault(chain.Entries.SetItem(i, altered))?.Position);
            Assert.False(new BallotChain("poll-1", chain.Entries.SetItem(i, altered)).Contains(chain.ReceiptFor(entry)));
        });

    [Fact]
    public void Receipts_from_another_poll_or_position_are_not_contained()
    {
        var chain = BallotChain.Empty("poll-1").Append("ab", ["yes"], 1, null).Chain.Append("cd", ["no"], 1, null).Chain;
        var receipt = chain.ReceiptFor(chain.Entries[1]);

        Assert.True(chain.Contains(receipt));
        Assert.False(chain.Contains(receipt with { PollId = "poll-2" }));
        Assert.False(chain.Contains(receipt with { Position = 1 }));
        Assert.Equal(3, BallotChain.FindFirstFault(chain.Entries, expectedCount: 3)?.Position);
        Assert.Equal(Cabinet.Voting.Chains.HashChain.Genesis, BallotChain.Empty("p").Head);
    }
}
