using System.Collections.Immutable;
using static Cabinet.Opinions.OpinionAnswerTokens;

namespace Cabinet.Opinions;

/// <summary>
/// Reads a member's answer tokens against the ballot's questions: exactly one token per question, in order —
/// <c>qN:agree</c>, <c>qN:disagree</c>, <c>qN:other:&lt;sha-256 hex&gt;</c> (the written opinion's UTF-8 hash, its text
/// given beside it) or <c>qN:oK</c> for a choice — and no written opinion without an <c>other</c> token.
/// </summary>
internal static class OpinionAnswerForm
{
    /// <returns>The written opinions by question, or null when the answer does not fit the questions.</returns>
    public static ImmutableArray<OpinionText>? Read(ImmutableArray<OpinionQuestion> questions, ImmutableArray<string> choices, ImmutableArray<OpinionText> texts, int maxTextChars)
    {
        texts = texts.IsDefault ? [] : texts;
        if (choices.IsDefault || choices.Length != questions.Length || texts.Length > questions.Length
            || texts.Any(t => t is null || string.IsNullOrWhiteSpace(t.Text) || t.Text.Length > maxTextChars)
            || texts.Select(t => t.QuestionId).Distinct(StringComparer.Ordinal).Count() != texts.Length)
        {
            return null;
        }

        var used = ImmutableArray.CreateBuilder<OpinionText>();
        for (var i = 0; i < questions.Length; i++)
        {
            var question = questions[i];
            var parts = (choices[i] ?? "").Split(':');
            if (parts.Length < 2 || parts[0] != question.Id)
            {
                return null;
            }

            var text = texts.FirstOrDefault(t => t.QuestionId == question.Id);
            var fits = (question.Kind, parts[1], parts.Length) switch
            {
                (OpinionQuestionKind.AgreeDisagree, Agree or Disagree, 2) => text is null,
                (OpinionQuestionKind.AgreeDisagree, Other, 3) => text is not null && parts[2] == HashOf(text.Text),
                (OpinionQuestionKind.Choice, var option, 2) => text is null && IsOption(option, question.Options.Length),
                _ => false,
            };
            if (!fits)
            {
                return null;
            }

            if (text is not null)
            {
                used.Add(text);
            }
        }

        return used.Count == texts.Length ? used.ToImmutable() : null;
    }

    private static bool IsOption(string option, int count) =>
        option.Length > 1 && option[0] == 'o' && int.TryParse(option.AsSpan(1), System.Globalization.NumberStyles.None, null, out var n)
        && n >= 1 && n <= count && option == $"o{n}";
}
