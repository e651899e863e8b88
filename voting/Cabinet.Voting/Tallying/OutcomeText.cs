using Cabinet.Voting.Motions;

namespace Cabinet.Voting.Tallying;

/// <summary>The one-line Vietnamese and English explanations shown with a result and printed in the minutes.</summary>
internal static class OutcomeText
{
    public static (string Vi, string En) ForYesNo(Motion motion, PollOutcome o, string? chairSide)
    {
        var rule = motion.Majority;
        var need = $"(cần {RuleVi(rule)}: {o.Required})";
        var needEn = $"({RuleEn(rule)} needed: {o.Required})";
        var verdict = o.Passed ? "Thông qua" : "Không thông qua";
        var verdictEn = o.Passed ? "Passed" : "Failed";
        return o.DecidedBy switch
        {
            DecidedBy.Quorum => Quorum(motion, o, verdict, verdictEn),
            DecidedBy.ChairTieBreak => (
                $"{verdict}: {o.Yes} tán thành, {o.No} không tán thành; số phiếu ngang nhau, quyết định theo ý kiến Chủ tọa ({(chairSide == YesNoChoices.Yes ? "tán thành" : "không tán thành")})",
                $"{verdictEn}: {o.Yes} in favour, {o.No} against; tied, decided by the chair's vote ({(chairSide == YesNoChoices.Yes ? "in favour" : "against")})"),
            DecidedBy.Tie when chairSide is YesNoChoices.Yes or YesNoChoices.No => (
                $"{verdict}: {o.Yes} tán thành, {o.No} không tán thành; số phiếu ngang nhau nhưng kể cả lá phiếu quyết định của Chủ tọa vẫn chưa đạt {o.Required} phiếu cần thiết",
                $"{verdictEn}: {o.Yes} in favour, {o.No} against; tied, and even with the chair's casting vote the side falls short of the {o.Required} votes required"),
            DecidedBy.Tie => (
                $"{verdict}: {o.Yes} tán thành, {o.No} không tán thành; số phiếu ngang nhau và không có ý kiến tán thành hoặc không tán thành của Chủ tọa để quyết định",
                $"{verdictEn}: {o.Yes} in favour, {o.No} against; tied, and no vote of the chair for or against to break the tie"),
            _ when !o.Passed && o.Yes >= o.Required && o.Yes <= o.No => (
                $"{verdict}: số tán thành ({o.Yes}) không nhiều hơn số không tán thành ({o.No})",
                $"{verdictEn}: votes in favour ({o.Yes}) do not exceed votes against ({o.No})"),
            _ => (
                $"{verdict}: {o.Yes}/{o.Basis} {NounVi(rule)} tán thành {need}",
                $"{verdictEn}: {o.Yes} of {o.Basis} {NounEn(rule)} in favour {needEn}"),
        };
    }

    public static (string Vi, string En) ForChoice(Motion motion, PollOutcome o, int leaders)
    {
        var rule = motion.Majority;
        var need = $"(cần {RuleVi(rule)}: {o.Required})";
        var needEn = $"({RuleEn(rule)} needed: {o.Required})";
        const string none = "Không có phương án nào được chọn";
        const string noneEn = "No option chosen";
        if (o.DecidedBy == DecidedBy.Quorum)
        {
            return Quorum(motion, o, none, noneEn);
        }

        if (o.Winner is { } winner)
        {
            var label = motion.LabelOf(winner);
            var (tie, tieEn) = o.DecidedBy == DecidedBy.ChairTieBreak
                ? ("; số phiếu ngang nhau, theo lựa chọn của Chủ tọa", "; tied, broken by the chair's choice")
                : ("", "");
            return ($"Phương án “{label}” được chọn: {o.Yes}/{o.Basis} {NounVi(rule)} {need}{tie}",
                $"Option “{label}” chosen: {o.Yes} of {o.Basis} {NounEn(rule)} {needEn}{tieEn}");
        }

        return o.DecidedBy == DecidedBy.Tie
            ? ($"{none}: {leaders} phương án cùng dẫn đầu với {o.Yes} phiếu",
                $"{noneEn}: {leaders} options tied for the lead with {o.Yes} votes")
            : ($"{none}: phương án dẫn đầu có {o.Yes}/{o.Basis} {NounVi(rule)} {need}",
                $"{noneEn}: the leading option has {o.Yes} of {o.Basis} {NounEn(rule)} {needEn}");
    }

    private static (string Vi, string En) Quorum(Motion motion, PollOutcome o, string verdict, string verdictEn)
    {
        var q = motion.Quorum;
        return ($"{verdict}: không đủ số thành viên có mặt ({o.Present}/{o.Members}, cần ít nhất {q.Numerator}/{q.Denominator}: {o.QuorumRequired})",
            $"{verdictEn}: no quorum ({o.Present} of {o.Members} members present, at least {q.Numerator}/{q.Denominator} needed: {o.QuorumRequired})");
    }

    private static string RuleVi(MajorityRule rule) => rule.Kind switch
    {
        MajorityKind.MoreThanHalfOfVotesCast => "hơn 1/2 số phiếu đã biểu quyết",
        MajorityKind.MoreThanHalfOfMembers => "hơn 1/2 số thành viên",
        MajorityKind.TwoThirdsOfMembers => "ít nhất 2/3 số thành viên",
        MajorityKind.TwoThirdsOfPresent => "ít nhất 2/3 số thành viên có mặt",
        _ => $"ít nhất {rule.Numerator}/{rule.Denominator} số thành viên",
    };

    private static string RuleEn(MajorityRule rule) => rule.Kind switch
    {
        MajorityKind.MoreThanHalfOfVotesCast => "more than 1/2 of votes cast",
        MajorityKind.MoreThanHalfOfMembers => "more than 1/2 of members",
        MajorityKind.TwoThirdsOfMembers => "at least 2/3 of members",
        MajorityKind.TwoThirdsOfPresent => "at least 2/3 of members present",
        _ => $"at least {rule.Numerator}/{rule.Denominator} of members",
    };

    private static string NounVi(MajorityRule rule) => rule.Basis switch
    {
        MajorityBasis.VotesCast => "phiếu",
        MajorityBasis.Present => "thành viên có mặt",
        _ => "thành viên",
    };

    private static string NounEn(MajorityRule rule) => rule.Basis switch
    {
        MajorityBasis.VotesCast => "votes cast",
        MajorityBasis.Present => "members present",
        _ => "members",
    };
}
