using System.Collections.Immutable;

namespace Cabinet.Opinions;

/// <summary>
/// A closed opinion ballot's result as a meeting's agenda item carries it (and every screen of the meeting shows it):
/// bounded — at most <see cref="MaxQuestions"/> questions, texts cut to <see cref="MaxTextChars"/> and answer labels to
/// <see cref="MaxLabelChars"/> — whatever the ballot holds, since every agenda event carries it (the report has it all).
/// <see cref="ReportSha256"/> names the signed consolidated report, which the meeting serves to those who may read it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-outcome")]
public sealed record OpinionOutcome(
    string BallotId,
    string Title,
    DateTimeOffset ClosedAt,
    int Asked,
    int Answered,
    ImmutableArray<OpinionQuestionOutcome> Questions,
    string ReportSha256)
{
    public const int MaxQuestions = 20;

    public const int MaxTextChars = 200;

    public const int MaxLabelChars = 100;

    /// <summary>The outcome of a consolidation, cut to the bounds above.</summary>
    public static OpinionOutcome Of(OpinionBallotView ballot, OpinionConsolidation consolidation, OpinionReportInfo report)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        ArgumentNullException.ThrowIfNull(consolidation);
        ArgumentNullException.ThrowIfNull(report);
        var questions = consolidation.Questions.Take(MaxQuestions)
            .Select(q => new OpinionQuestionOutcome(q.QuestionId, Cut(q.Text), q.Passes, Cut(q.Outcome),
                [.. q.Counts.Select(c => c with { Label = Cut(c.Label, MaxLabelChars) })]))
            .ToImmutableArray();
        return new OpinionOutcome(ballot.BallotId, Cut(ballot.Title), ballot.ClosedAt ?? report.MadeAt, consolidation.Asked,
            consolidation.Answered.Length, questions, report.PdfSha256);
    }

    private static string Cut(string text, int max = MaxTextChars) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

/// <summary>One question's outcome: whether it passed, the sentence that says so, and the counts per answer.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-question-outcome")]
public sealed record OpinionQuestionOutcome(string QuestionId, string Text, bool Passes, string Outcome, ImmutableArray<OpinionCount> Counts);
