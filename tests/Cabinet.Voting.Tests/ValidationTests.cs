using Cabinet.Voting.Errors;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;
using static Cabinet.Voting.Tests.Fixtures;

namespace Cabinet.Voting.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void Every_voter_is_found_by_name_whatever_the_order_of_the_list_and_no_one_else()
    {
        var e = Eligibility.Build(Members(40), Members(40), Chair, EligibilityPolicy.AllMembers).GetValueOrThrow();
        var reversed = e with { Voters = [.. e.Voters.Reverse()] };

        Assert.All(e.Voters, v => Assert.Same(v, e.Find(v.UserName)));
        Assert.All(e.Voters, v => Assert.Same(v, reversed.Find(v.UserName)));
        Assert.Null(e.Find("khachmoi"));
        Assert.Null(e.Find(null));
        Assert.Null(reversed.Find(""));
    }

    [Fact]
    public void Eligibility_build_follows_the_policy_and_weights()
    {
        var present = new[] { "thanhvien01", "thanhvien02", "khachmoi" };
        var weights = new Dictionary<string, int> { ["thanhvien01"] = 3 };
        var e = Eligibility.Build(Members(5), present, Chair, EligibilityPolicy.PresentDelegatesAndChair, weights).GetValueOrThrow();

        Assert.Equal([Chair, "thanhvien01", "thanhvien02"], e.Voters.Select(v => v.UserName).Order(StringComparer.Ordinal));
        Assert.Equal((5, 3, 7L, 5L, 5L), (e.MemberCount, e.PresentCount, e.MemberWeight, e.PresentWeight, e.EligibleWeight));
        Assert.Equal(5, Eligibility.Build(Members(5), present, Chair, EligibilityPolicy.AllMembers).GetValueOrThrow().Voters.Length);
        Assert.Equal(VotingErrors.EligibilityChairNotMember, Eligibility.Build(Members(5), present, "khachmoi", EligibilityPolicy.AllMembers).Error?.Code);
        Assert.Equal(VotingErrors.EligibilityInvalidWeight, Eligibility.Build(Members(5), present, Chair, EligibilityPolicy.AllMembers,
            new Dictionary<string, int> { [Chair] = 0 }).Error?.Code);
    }

    [Fact]
    public void Motion_validation_reports_every_problem_and_every_code_has_a_message()
    {
        var bad = Motion.MultipleChoice("", "item", "", [new("a", "A"), new("a", "B")], 2, 1, Secrecy.Named,
            new QuorumRule(3, 2), MajorityRule.CustomFractionOfMembers(0, 3));

        Assert.Equal([VotingErrors.MotionInvalidId, VotingErrors.MotionTitleRequired, VotingErrors.MotionInvalidOptions,
            VotingErrors.MotionInvalidQuorum, VotingErrors.MotionInvalidMajority], bad.Validate().Select(e => e.Code));
        Assert.Equal(VotingErrors.MotionInvalidChoiceLimits, (Choice(MajorityRule.MoreThanHalfOfMembers, 3, 2) with { MaxChoices = 4 }).Validate().Single().Code);
        Assert.All(typeof(VotingErrors).GetFields().Where(f => f.IsLiteral), f => Assert.NotEmpty(VotingErrors.Get((string)f.GetValue(null)!).Message));
    }
}
