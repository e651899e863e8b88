using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;
using static Cabinet.Voting.Tests.Fixtures;

namespace Cabinet.Voting.Tests;

/// <summary>Worked examples on a 15-member committee (UBND), the numbers the province's staff check by hand.</summary>
public sealed class MajorityRuleExampleTests
{
    [Fact]
    public void Eight_of_fifteen_passes_more_than_half_of_members()
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers)), yes: 8, no: 5, abstain: 2));

        Assert.True(outcome.Passed);
        Assert.Equal(DecidedBy.Majority, outcome.DecidedBy);
        Assert.Equal((8L, 15L, 8L, 5L, 2L, 13L), (outcome.Required, outcome.Basis, outcome.Yes, outcome.No, outcome.Abstain, outcome.Cast));
        Assert.Equal("Thông qua: 8/15 thành viên tán thành (cần hơn 1/2 số thành viên: 8)", outcome.ExplanationVi);
        Assert.Equal("Passed: 8 of 15 members in favour (more than 1/2 of members needed: 8)", outcome.ExplanationEn);
    }

    [Fact]
    public void Seven_of_fifteen_fails_more_than_half_of_members_even_with_few_against()
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers)), yes: 7, no: 1, abstain: 7));

        Assert.False(outcome.Passed);
        Assert.Equal("Không thông qua: 7/15 thành viên tán thành (cần hơn 1/2 số thành viên: 8)", outcome.ExplanationVi);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void Seven_to_seven_follows_the_chair(string chairVote, bool passes)
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers)), yes: 7, no: 7, abstain: 0, chairVote));

        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(DecidedBy.ChairTieBreak, outcome.DecidedBy);
        Assert.Contains("quyết định theo ý kiến Chủ tọa", outcome.ExplanationVi, StringComparison.Ordinal);
    }

    /// <summary>
    /// The chair's vote is a casting vote, not a veto over the threshold: a 1–1 tie among 15 members is not a
    /// majority of the members, whichever side the chair took.
    /// </summary>
    [Fact]
    public void A_small_tie_is_not_rescued_by_the_chair()
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers)), yes: 1, no: 1, abstain: 0, "yes"));

        Assert.False(outcome.Passed);
        Assert.Equal(DecidedBy.Tie, outcome.DecidedBy);
        Assert.Equal(8, outcome.Required);
    }

    [Fact]
    public void Seven_to_seven_with_the_chair_abstaining_fails_as_a_tie()
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers)), yes: 7, no: 7, abstain: 1, "abstain"));

        Assert.False(outcome.Passed);
        Assert.Equal(DecidedBy.Tie, outcome.DecidedBy);
    }

    [Fact]
    public void Tie_in_a_secret_poll_is_not_broken_because_the_chairs_vote_is_not_kept()
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfMembers, Secrecy.Secret)), 7, 7, 0, "yes"));

        Assert.False(outcome.Passed);
        Assert.Equal(DecidedBy.Tie, outcome.DecidedBy);
    }

    [Fact]
    public void More_than_half_of_votes_cast_ignores_abstentions()
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.MoreThanHalfOfVotesCast)), yes: 4, no: 3, abstain: 8));

        Assert.True(outcome.Passed);
        Assert.Equal((7L, 4L), (outcome.Basis, outcome.Required));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, false)]
    public void Two_thirds_of_fifteen_members_needs_ten(int yes, bool passes)
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.TwoThirdsOfMembers)), yes, 15 - yes, 0));

        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(10, outcome.Required);
    }

    [Fact]
    public void Two_thirds_rule_is_not_rescued_by_the_chair_on_a_tie()
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.TwoThirdsOfMembers)), yes: 7, no: 7, abstain: 0, "yes"));

        Assert.False(outcome.Passed);
        Assert.Equal(DecidedBy.Majority, outcome.DecidedBy);
    }

    [Fact]
    public void Two_thirds_of_present_counts_members_present_at_opening()
    {
        var present = Members(15).Take(12);
        var eligibility = Eligibility.Build(Members(15), present, Chair, EligibilityPolicy.PresentDelegatesAndChair).GetValueOrThrow();
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.TwoThirdsOfPresent), eligibility), yes: 8, no: 4, abstain: 0));

        Assert.True(outcome.Passed);
        Assert.Equal((12L, 8L, 12), (outcome.Basis, outcome.Required, outcome.Present));
    }

    [Theory]
    [InlineData(3, 5, 9, true)]
    [InlineData(3, 5, 8, false)]
    public void Custom_fraction_of_members_is_at_least_that_share(int numerator, int denominator, int yes, bool passes)
    {
        var outcome = Outcome(VoteYesNo(Open(YesNo(MajorityRule.CustomFractionOfMembers(numerator, denominator))), yes, 15 - yes, 0));

        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(9, outcome.Required);
    }

    [Fact]
    public void No_quorum_fails_whatever_the_votes()
    {
        var eligibility = Eligibility.Build(Members(15), Members(15).Take(9), Chair, EligibilityPolicy.PresentDelegatesAndChair).GetValueOrThrow();
        var motion = YesNo(MajorityRule.MoreThanHalfOfVotesCast, quorum: QuorumRule.TwoThirdsOfMembers);
        var outcome = Outcome(VoteYesNo(Open(motion, eligibility), yes: 9, no: 0, abstain: 0));

        Assert.False(outcome.Passed);
        Assert.False(outcome.QuorumMet);
        Assert.Equal(DecidedBy.Quorum, outcome.DecidedBy);
        Assert.Equal("Không thông qua: không đủ số thành viên có mặt (9/15, cần ít nhất 2/3: 10)", outcome.ExplanationVi);
    }
}
