using Cabinet.Voting.Canonical;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;
using CsCheck;
using static Cabinet.Voting.Tests.Fixtures;

namespace Cabinet.Voting.Tests;

public sealed class PollPropertyTests
{
    private static readonly string[] YesNoAbstain = ["yes", "no", "abstain"];

    /// <summary>A committee of 1–25 members with weights 1–4, some present, and 0–40 cast attempts (some by strangers, some repeated).</summary>
    private static readonly Gen<(Eligibility Eligibility, Secrecy Secrecy, (int Voter, int Choice, int Nonce)[] Attempts)> Polls =
        from size in Gen.Int[1, 25]
        from weights in Gen.Int[1, 4].Array[size]
        from present in Gen.Bool.Array[size]
        from allMembers in Gen.Bool
        from secret in Gen.Bool
        from attempts in Gen.Select(Gen.Int[0, size + 2], Gen.Int[0, 2], Gen.Int[0, 1]).Array[0, 40]
        select (BuildEligibility(size, weights, present, allMembers), secret ? Secrecy.Secret : Secrecy.Named, attempts);

    private static Eligibility BuildEligibility(int size, int[] weights, bool[] present, bool allMembers)
    {
        var members = Members(size);
        var weightOf = members.Select((m, i) => (m, weights[i])).ToDictionary(p => p.m, p => p.Item2);
        var policy = allMembers ? EligibilityPolicy.AllMembers : EligibilityPolicy.PresentDelegatesAndChair;
        return Eligibility.Build(members, members.Where((_, i) => present[i]), Chair, policy, weightOf).GetValueOrThrow();
    }

    private static string VoterName(int index, int size) => index < size ? Members(size)[index] : $"nguoingoai{index}";

    private static PollBook Run(PollBook book, IEnumerable<(int Voter, int Choice, int Nonce)> attempts)
    {
        foreach (var (voter, choice, nonce) in attempts)
        {
            book = book.Cast(Ballot(VoterName(voter, book.Eligibility.MemberCount), $"nonce-{nonce}-abcdefghijkl", [YesNoAbstain[choice]]),
                true, OpenedAt.AddMinutes(1)).Book;
        }

        return book;
    }

    [Fact]
    public void Weighted_counts_never_exceed_eligibility_and_cast_equals_accepted_ballots() =>
        Polls.Sample(p =>
        {
            var book = Run(Open(YesNo(MajorityRule.MoreThanHalfOfMembers, p.Secrecy), p.Eligibility), p.Attempts);
            var tally = book.Tally();

            Assert.Equal(book.Chain.Count, tally.BallotCount);
            Assert.Equal(book.VotersWhoVoted.Count, tally.BallotCount);
            Assert.All(book.VotersWhoVoted, v => Assert.NotNull(p.Eligibility.Find(v)));
            Assert.True(tally.BallotWeight <= p.Eligibility.EligibleWeight);
            Assert.True(p.Eligibility.EligibleWeight <= p.Eligibility.MemberWeight);
            Assert.All(tally.Counts, c => Assert.InRange(c.Votes, 0, tally.BallotWeight));
            Assert.Equal(tally.BallotWeight, tally.Counts.Sum(c => c.Votes));
            Assert.Equal(tally.BallotWeight, tally.VotesCast + tally.Abstain);
            Assert.Equal(book.Participation().VotedWeight, tally.BallotWeight);
        }, iter: 300);

    [Fact]
    public void Replaying_every_accepted_ballot_changes_nothing_and_returns_the_same_receipts() =>
        Polls.Sample(p =>
        {
            var book = Run(Open(YesNo(MajorityRule.MoreThanHalfOfMembers, p.Secrecy), p.Eligibility), p.Attempts);
            var before = CanonicalJson.Serialize(book);
            foreach (var (voter, choice, nonce) in p.Attempts.Reverse())
            {
                var ballot = Ballot(VoterName(voter, p.Eligibility.MemberCount), $"nonce-{nonce}-abcdefghijkl", [YesNoAbstain[choice]]);
                var again = book.Cast(ballot, true, OpenedAt.AddMinutes(2));
                if (book.Chain.FindByBallotHash(ballot.ComputeHash()) is { } entry)
                {
                    Assert.True(again.Replayed);
                    Assert.Equal(book.Chain.ReceiptFor(entry), again.Receipt);
                }

                Assert.False(again.Accepted && !again.Replayed);
                book = again.Book;
            }

            Assert.Equal(before, CanonicalJson.Serialize(book));
        }, iter: 200);

    [Fact]
    public void Ties_follow_the_chair_under_half_rules() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[0, 6], Gen.Bool, Gen.Int[0, 2]).Sample((each, extra, chairYes, ruleIndex) =>
        {
            MajorityRule[] rules = [MajorityRule.MoreThanHalfOfMembers, MajorityRule.MoreThanHalfOfVotesCast, MajorityRule.CustomFractionOfMembers(1, 3)];
            var book = Open(YesNo(rules[ruleIndex]), AllPresent(2 * each + extra));
            var outcome = Outcome(VoteYesNo(book, each, each, 0, chairYes ? "yes" : "no"));
            var casting = each + 1 >= outcome.Required;

            Assert.Equal(chairYes && casting, outcome.Passed);
            Assert.Equal(casting ? DecidedBy.ChairTieBreak : DecidedBy.Tie, outcome.DecidedBy);
        });

    [Fact]
    public void Thresholds_are_exact_and_monotonic() =>
        Gen.Select(Gen.Int[1, 1000], Gen.Int[1, 1000], Gen.Int[0, 5000], Gen.Int[0, 5000], Gen.Int[0, 4]).Sample((a, b, basis1, basis2, kind) =>
        {
            var rule = kind == 4
                ? MajorityRule.CustomFractionOfMembers(Math.Min(a, b), Math.Max(a, b))
                : new[] { MajorityRule.MoreThanHalfOfVotesCast, MajorityRule.MoreThanHalfOfMembers, MajorityRule.TwoThirdsOfMembers, MajorityRule.TwoThirdsOfPresent }[kind];
            var (low, high) = (Math.Min(basis1, basis2), Math.Max(basis1, basis2));
            var required = rule.RequiredVotes(high);

            Assert.True(rule.RequiredVotes(low) <= required);
            Assert.True(required <= high + 1);
            if (rule.IsStrict)
            {
                Assert.True(required * rule.Denominator > (long)high * rule.Numerator);
                Assert.True(required == 1 || (required - 1) * rule.Denominator <= (long)high * rule.Numerator);
            }
            else
            {
                Assert.True(required * rule.Denominator >= (long)high * rule.Numerator);
                Assert.True(required == 1 || (required - 1) * rule.Denominator < (long)high * rule.Numerator);
            }
        }, iter: 1000);

    [Fact]
    public void More_yes_never_turns_a_pass_into_a_fail() =>
        Gen.Select(Gen.Int[3, 25], Gen.Int[0, 4], Gen.Int[0, 25], Gen.Int[0, 25]).Sample((size, kind, yesA, noA) =>
        {
            var rules = new[] { MajorityRule.MoreThanHalfOfVotesCast, MajorityRule.MoreThanHalfOfMembers, MajorityRule.TwoThirdsOfMembers, MajorityRule.TwoThirdsOfPresent, MajorityRule.CustomFractionOfMembers(3, 5) };
            var no = Math.Min(noA, size - 1);
            var yes = Math.Min(yesA, size - no - 1);
            var outcome = Outcome(VoteYesNo(Open(YesNo(rules[kind]), AllPresent(size)), yes, no, 0));
            var morePass = Outcome(VoteYesNo(Open(YesNo(rules[kind]), AllPresent(size)), yes + 1, no, 0)).Passed;

            Assert.True(!outcome.Passed || morePass);
        }, iter: 200);
}
