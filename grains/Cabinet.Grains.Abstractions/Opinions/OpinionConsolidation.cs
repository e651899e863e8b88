using System.Collections.Immutable;

namespace Cabinet.Opinions;

/// <summary>
/// The live consolidation (tổng hợp ý kiến): per question the counts and the written opinions, who answered and who has
/// not. For the office, the chair and (once closed) the members asked.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-consolidation")]
public sealed record OpinionConsolidation(
    string BallotId,
    long Version,
    int Asked,
    ImmutableArray<OpinionMember> Answered,
    ImmutableArray<OpinionMember> NotAnswered,
    ImmutableArray<OpinionQuestionResult> Questions);

/// <summary>One question's counts (answer → how many: agree, disagree, other, or an option id), its outcome and its written opinions.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-question-result")]
public sealed record OpinionQuestionResult(
    string QuestionId,
    string Text,
    ImmutableArray<OpinionCount> Counts,
    ImmutableArray<OpinionWrittenOpinion> WrittenOpinions,
    bool Passes,
    string Outcome);

[GenerateSerializer, Immutable, Alias("cabinet.opinion-count")]
public sealed record OpinionCount(string Answer, string Label, int Count);

[GenerateSerializer, Immutable, Alias("cabinet.opinion-written-opinion")]
public sealed record OpinionWrittenOpinion(string Member, string DisplayName, string Text);
