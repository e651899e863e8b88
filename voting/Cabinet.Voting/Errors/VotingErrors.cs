using System.Collections.Frozen;

namespace Cabinet.Voting.Errors;

/// <summary>Every error code the voting domain returns, each with its Vietnamese message. Codes never change once shipped.</summary>
public static class VotingErrors
{
    public const string MotionInvalidId = "motion.invalid_id";
    public const string MotionTitleRequired = "motion.title_required";
    public const string MotionTitleTooLong = "motion.title_too_long";
    public const string MotionInvalidOptions = "motion.invalid_options";
    public const string MotionInvalidChoiceLimits = "motion.invalid_choice_limits";
    public const string MotionInvalidQuorum = "motion.invalid_quorum";
    public const string MotionInvalidMajority = "motion.invalid_majority";

    public const string EligibilityNoVoters = "eligibility.no_voters";
    public const string EligibilityInvalidMember = "eligibility.invalid_member";
    public const string EligibilityInvalidWeight = "eligibility.invalid_weight";
    public const string EligibilityChairNotMember = "eligibility.chair_not_member";
    public const string EligibilityInconsistent = "eligibility.inconsistent";

    public const string PollInvalidId = "poll.invalid_id";
    public const string PollClosed = "poll.closed";
    public const string PollCancelled = "poll.cancelled";
    public const string PollNotClosed = "poll.not_closed";
    public const string PollInvalidReason = "poll.invalid_reason";

    public const string BallotWrongPoll = "ballot.wrong_poll";
    public const string BallotMalformed = "ballot.malformed";
    public const string BallotBadSignature = "ballot.bad_signature";
    public const string BallotNotEligible = "ballot.not_eligible";
    public const string BallotAlreadyVoted = "ballot.already_voted";
    public const string BallotInvalidChoice = "ballot.invalid_choice";

    public static FrozenDictionary<string, string> Messages { get; } = new Dictionary<string, string>
    {
        [MotionInvalidId] = "Mã nội dung biểu quyết hoặc mã mục chương trình không hợp lệ.",
        [MotionTitleRequired] = "Nội dung biểu quyết phải có tiêu đề.",
        [MotionTitleTooLong] = "Tiêu đề nội dung biểu quyết dài quá 500 ký tự.",
        [MotionInvalidOptions] = "Các phương án biểu quyết không hợp lệ.",
        [MotionInvalidChoiceLimits] = "Số phương án được chọn tối thiểu, tối đa không hợp lệ.",
        [MotionInvalidQuorum] = "Quy định về số thành viên có mặt tối thiểu không hợp lệ.",
        [MotionInvalidMajority] = "Quy định về tỷ lệ biểu quyết thông qua không hợp lệ.",
        [EligibilityNoVoters] = "Không có đại biểu nào có quyền biểu quyết.",
        [EligibilityInvalidMember] = "Danh sách thành viên có tên đăng nhập trống, trùng hoặc không hợp lệ.",
        [EligibilityInvalidWeight] = "Trọng số phiếu phải từ 1 đến 1000.",
        [EligibilityChairNotMember] = "Chủ tọa phải là thành viên của cơ quan họp.",
        [EligibilityInconsistent] = "Số thành viên, số có mặt và danh sách đại biểu biểu quyết không khớp nhau.",
        [PollInvalidId] = "Mã cuộc họp hoặc mã phiên biểu quyết không hợp lệ.",
        [PollClosed] = "Phiên biểu quyết đã kết thúc.",
        [PollCancelled] = "Phiên biểu quyết đã bị hủy.",
        [PollNotClosed] = "Phiên biểu quyết chưa kết thúc nên chưa có kết quả.",
        [PollInvalidReason] = "Phải nêu lý do hủy (tối đa 500 ký tự).",
        [BallotWrongPoll] = "Phiếu không thuộc phiên biểu quyết này.",
        [BallotMalformed] = "Phiếu biểu quyết không đúng định dạng (mã, số ngẫu nhiên hoặc thời điểm không hợp lệ).",
        [BallotBadSignature] = "Chữ ký trên phiếu biểu quyết không hợp lệ.",
        [BallotNotEligible] = "Đại biểu không có quyền biểu quyết trong phiên này.",
        [BallotAlreadyVoted] = "Đại biểu đã biểu quyết cho nội dung này.",
        [BallotInvalidChoice] = "Lựa chọn trên phiếu không hợp lệ với nội dung biểu quyết.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static VotingError Get(string code) =>
        Messages.TryGetValue(code, out var message)
            ? new VotingError(code, message)
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown voting error code.");
}
