using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;

namespace Cabinet.Web.Components.Voting;

/// <summary>The Vietnamese words for choices, rules and outcomes.</summary>
public static class ChoiceLabels
{
    public static string Of(Motion motion, string optionId) => motion.Kind == MotionKind.YesNoAbstain
        ? optionId switch
        {
            YesNoChoices.Yes => "Tán thành",
            YesNoChoices.No => "Không tán thành",
            YesNoChoices.Abstain => "Không biểu quyết",
            _ => optionId,
        }
        : motion.LabelOf(optionId);

    public static string Rule(MajorityKind kind) => kind switch
    {
        MajorityKind.MoreThanHalfOfMembers => "Quá nửa tổng số thành viên",
        MajorityKind.MoreThanHalfOfVotesCast => "Quá nửa số phiếu biểu quyết",
        MajorityKind.TwoThirdsOfMembers => "Hai phần ba tổng số thành viên",
        MajorityKind.TwoThirdsOfPresent => "Hai phần ba số thành viên có mặt",
        _ => "Tỷ lệ tùy chọn",
    };

    public static string Secrecy(Secrecy secrecy) => secrecy == Cabinet.Voting.Motions.Secrecy.Secret ? "Bỏ phiếu kín" : "Biểu quyết công khai";
}
