namespace Cabinet.Voting.Tallying;

/// <summary>The weighted number of ballots that chose <see cref="Choice"/>.</summary>
public sealed record ChoiceCount(string Choice, long Votes);
