using Cabinet.Voting.Tallying;

namespace Cabinet.Voting.Motions;

/// <summary>The Vietnamese words for choices, rules and secrecy, shared by the screens and the minutes.</summary>
public static class ChoiceWords
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

    public static string Secrecy(Secrecy secrecy) => secrecy == Motions.Secrecy.Secret ? "Bỏ phiếu kín" : "Biểu quyết công khai";
}
