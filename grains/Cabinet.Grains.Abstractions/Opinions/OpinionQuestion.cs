using System.Collections.Immutable;

namespace Cabinet.Opinions;

/// <summary>
/// One question of a ballot. Its id (<c>q1</c>, <c>q2</c>…) is given by the ballot from its position; a choice
/// question's options are answered by their ids <c>o1</c>, <c>o2</c>… in the order given.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-question")]
public sealed record OpinionQuestion(string Id, string Text, OpinionQuestionKind Kind, ImmutableArray<string> Options);
