using Cabinet.Voting.Tallying;
using static Cabinet.Voting.Tests.Fixtures;

namespace Cabinet.Voting.Tests;

public sealed class ChoiceMotionTests
{
    private static (string, string[])[] Votes(params (int Count, string[] Choices)[] groups)
    {
        var voters = Members(15).Skip(1).ToList(); // the chair votes separately in these tests
        var i = 0;
        return [.. groups.SelectMany(g => Enumerable.Range(0, g.Count).Select(_ => (voters[i++], g.Choices)))];
    }

    [Fact]
    public void Leading_option_with_more_than_half_of_members_wins()
    {
        var book = CastAll(Open(Choice(MajorityRule.MoreThanHalfOfMembers)), Votes((9, ["opt-2"]), (4, ["opt-1"])));
        var outcome = Outcome(book);

        Assert.True(outcome.Passed);
        Assert.Equal("opt-2", outcome.Winner);
        Assert.Equal("Phương án “Phương án 2” được chọn: 9/15 thành viên (cần hơn 1/2 số thành viên: 8)", outcome.ExplanationVi);
    }

    [Fact]
    public void Leading_option_short_of_the_rule_wins_nothing()
    {
        var outcome = Outcome(CastAll(Open(Choice(MajorityRule.MoreThanHalfOfMembers)), Votes((6, ["opt-1"]), (5, ["opt-2"]))));

        Assert.False(outcome.Passed);
        Assert.Null(outcome.Winner);
        Assert.Equal(DecidedBy.Majority, outcome.DecidedBy);
    }

    [Fact]
    public void Tie_for_the_lead_is_broken_by_the_chairs_choice()
    {
        var book = CastAll(Open(Choice(MajorityRule.MoreThanHalfOfVotesCast)), [(Chair, ["opt-3"]), .. Votes((5, ["opt-1"]), (4, ["opt-3"]))]);
        var outcome = Outcome(book);

        Assert.Equal("opt-3", outcome.Winner);
        Assert.Equal(DecidedBy.ChairTieBreak, outcome.DecidedBy);
    }

    [Fact]
    public void Tie_for_the_lead_without_the_chair_among_the_leaders_has_no_winner()
    {
        var book = CastAll(Open(Choice(MajorityRule.MoreThanHalfOfVotesCast)), [(Chair, ["opt-2"]), .. Votes((5, ["opt-1"]), (5, ["opt-3"]))]);
        var outcome = Outcome(book);

        Assert.Null(outcome.Winner);
        Assert.Equal(DecidedBy.Tie, outcome.DecidedBy);
        Assert.Equal("Không có phương án nào được chọn: 2 phương án cùng dẫn đầu với 5 phiếu", outcome.ExplanationVi);
    }

    [Fact]
    public void Multiple_choice_counts_every_option_a_ballot_names_and_blank_ballots_abstain()
    {
        var book = CastAll(Open(Choice(MajorityRule.MoreThanHalfOfVotesCast, options: 4, maxChoices: 2)),
            Votes((6, ["opt-1", "opt-2"]), (3, ["opt-2"]), (2, [])));
        var tally = book.Tally();

        Assert.Equal([6L, 9L, 0L, 0L], tally.Counts.Select(c => c.Votes));
        Assert.Equal((11, 9L, 2L), (tally.BallotCount, tally.VotesCast, tally.Abstain));
        Assert.Equal("opt-2", Outcome(book).Winner);
    }
}
