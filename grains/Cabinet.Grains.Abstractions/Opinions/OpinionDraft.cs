using System.Collections.Immutable;
using Cabinet.Voting.Tallying;

namespace Cabinet.Opinions;

/// <summary>
/// What the office writes in a draft (and writes again after the chair returns it). <see cref="Chair"/> is the person of
/// the organisation who approves it; <see cref="Members"/> the people of the organisation asked; <see cref="Rule"/> what
/// an agree/disagree question (or a choice's leading option) needs to pass, reusing the voting rules (members asked
/// are the members; those who answered are the votes cast and the present).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-draft")]
public sealed record OpinionDraft(
    string Title,
    ImmutableArray<OpinionQuestionInput> Questions,
    ImmutableArray<string> Members,
    string Chair,
    DateTimeOffset Deadline,
    MajorityKind Rule,
    bool AnswersMayChange);

/// <summary>A question as drafted: its text, its kind and (for a choice) its options.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-question-input")]
public sealed record OpinionQuestionInput(string Text, OpinionQuestionKind Kind, ImmutableArray<string> Options);
