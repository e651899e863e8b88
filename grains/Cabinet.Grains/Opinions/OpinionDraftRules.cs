using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Voting.Tallying;

namespace Cabinet.Opinions;

/// <summary>Checks a draft against the bounds and turns its questions into numbered ones (q1…, options o1…).</summary>
internal static class OpinionDraftRules
{
    public static CabinetError? Check(OpinionDraft? draft, OpinionLimits limits, DateTimeOffset now)
    {
        if (draft is null)
        {
            return ErrorCodes.Invalid("Thiếu nội dung phiếu.");
        }

        var questions = draft.Questions.IsDefault ? [] : draft.Questions;
        var members = draft.Members.IsDefault ? [] : draft.Members;
        return string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Length > limits.MaxTitleChars
                ? ErrorCodes.Invalid($"Tiêu đề phiếu không được để trống và không quá {limits.MaxTitleChars} ký tự.")
            : questions.Length is 0 || questions.Length > limits.MaxQuestions
                ? ErrorCodes.Invalid($"Phiếu cần từ 1 đến {limits.MaxQuestions} câu hỏi.")
            : questions.Any(q => q is null || string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > limits.MaxTextChars)
                ? ErrorCodes.Invalid($"Câu hỏi không được để trống và không quá {limits.MaxTextChars} ký tự.")
            : questions.Any(q => !Enum.IsDefined(q.Kind) || !OptionsFit(q, limits))
                ? ErrorCodes.Invalid($"Câu hỏi lựa chọn cần từ 2 đến {limits.MaxOptions} phương án, mỗi phương án không để trống và không quá {limits.MaxTextChars} ký tự.")
            : members.Length is 0 || members.Length > limits.MaxMembers || members.Distinct(StringComparer.Ordinal).Count() != members.Length
                ? ErrorCodes.Invalid($"Danh sách thành viên được lấy ý kiến cần từ 1 đến {limits.MaxMembers} người, mỗi người một lần.")
            : string.IsNullOrWhiteSpace(draft.Chair)
                ? ErrorCodes.Invalid("Cần nêu người chủ trì phê duyệt phiếu.")
            : draft.Deadline <= now
                ? ErrorCodes.Invalid("Hạn trả lời phải ở sau thời điểm hiện tại.")
            : !Enum.IsDefined(draft.Rule) || draft.Rule == MajorityKind.CustomFractionOfMembers
                ? ErrorCodes.Invalid("Cách tính kết quả không hợp lệ.")
            : null;
    }

    public static ImmutableArray<OpinionQuestion> Number(ImmutableArray<OpinionQuestionInput> questions) =>
        [.. questions.Select((q, i) => new OpinionQuestion(
            $"q{i + 1}", q.Text.Trim(), q.Kind, q.Kind == OpinionQuestionKind.Choice ? [.. q.Options.Select(o => o.Trim())] : []))];

    private static bool OptionsFit(OpinionQuestionInput question, OpinionLimits limits) =>
        question.Kind != OpinionQuestionKind.Choice
        || (!question.Options.IsDefault && question.Options.Length >= 2 && question.Options.Length <= limits.MaxOptions
            && question.Options.All(o => !string.IsNullOrWhiteSpace(o) && o.Length <= limits.MaxTextChars));
}
