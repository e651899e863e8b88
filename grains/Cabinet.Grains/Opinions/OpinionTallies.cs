using System.Collections.Immutable;
using Cabinet.Voting.Tallying;

namespace Cabinet.Opinions;

/// <summary>
/// The consolidation of the current answers: counts per answer per question, the written opinions, who has not
/// answered, and each question's outcome under the ballot's rule (the voting <see cref="MajorityRule"/>: members asked
/// are the members, those who answered are the present, agree and disagree the votes cast).
/// </summary>
internal static class OpinionTallies
{
    public static OpinionConsolidation Consolidate(OpinionBallotState s, string ballotId)
    {
        var answers = s.Answers.ToDictionary(a => a.Member, StringComparer.Ordinal);
        var answered = s.Members.Where(m => answers.ContainsKey(m.UserName)).ToImmutableArray();
        var notAnswered = s.Members.Where(m => !answers.ContainsKey(m.UserName)).ToImmutableArray();
        var questions = s.Questions.Select((q, i) => Question(s, q, i, answered, answers)).ToImmutableArray();
        return new OpinionConsolidation(ballotId, s.Version, s.Members.Length, answered, notAnswered, questions);
    }

    private static OpinionQuestionResult Question(
        OpinionBallotState s, OpinionQuestion question, int index, ImmutableArray<OpinionMember> answered, Dictionary<string, OpinionAnswerRecord> answers)
    {
        var given = answered.Select(m => OpinionAnswerTokens.AnswerOf(answers[m.UserName].Choices[index])).ToList();
        var labels = question.Kind == OpinionQuestionKind.Choice
            ? question.Options.Select((o, i) => ($"o{i + 1}", o)).ToList()
            : [(OpinionAnswerTokens.Agree, "Đồng ý"), (OpinionAnswerTokens.Disagree, "Không đồng ý"), (OpinionAnswerTokens.Other, "Ý kiến khác")];
        var counts = labels.Select(l => new OpinionCount(l.Item1, l.Item2, given.Count(g => g == l.Item1))).ToImmutableArray();
        var written = answered
            .Select(m => (m, answers[m.UserName].Texts.FirstOrDefault(t => t.QuestionId == question.Id)))
            .Where(x => x.Item2 is not null)
            .Select(x => new OpinionWrittenOpinion(x.m.UserName, x.m.DisplayName, x.Item2!.Text))
            .ToImmutableArray();
        var (passes, outcome) = Decide(s, question, counts, answered.Length);
        return new OpinionQuestionResult(question.Id, question.Text, counts, written, passes, outcome);
    }

    private static (bool Passes, string Outcome) Decide(OpinionBallotState s, OpinionQuestion question, ImmutableArray<OpinionCount> counts, int answered)
    {
        var rule = MajorityRule.Of(s.Rule);
        if (question.Kind == OpinionQuestionKind.AgreeDisagree)
        {
            var agree = counts[0].Count;
            var basis = rule.Basis switch
            {
                MajorityBasis.VotesCast => agree + counts[1].Count,
                MajorityBasis.Present => answered,
                _ => s.Members.Length,
            };
            var needed = rule.RequiredVotes(basis);
            return agree >= needed && basis > 0
                ? (true, $"Đồng ý {agree}/{basis} — đạt (cần {needed})")
                : (false, $"Đồng ý {agree}/{basis} — chưa đạt (cần {needed})");
        }

        var top = counts.MaxBy(c => c.Count)!;
        var choiceBasis = rule.Basis == MajorityBasis.Members ? s.Members.Length : answered;
        var required = rule.RequiredVotes(choiceBasis);
        var unique = counts.Count(c => c.Count == top.Count) == 1;
        return unique && top.Count >= required && choiceBasis > 0
            ? (true, $"“{top.Label}”: {top.Count}/{choiceBasis} — đạt (cần {required})")
            : (false, $"Chưa có phương án đạt (cao nhất {top.Count}/{choiceBasis}, cần {required})");
    }
}
