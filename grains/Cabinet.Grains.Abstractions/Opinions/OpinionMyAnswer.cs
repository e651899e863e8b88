using System.Collections.Immutable;
using Cabinet.Voting.Ballots;

namespace Cabinet.Opinions;

/// <summary>A member's stored answer as they see it again: the tokens they signed, their written opinions, the receipt.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-my-answer")]
public sealed record OpinionMyAnswer(ImmutableArray<string> Choices, ImmutableArray<OpinionText> Texts, Receipt Receipt, DateTimeOffset AnsweredAt);
