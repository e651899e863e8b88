namespace Cabinet.Voting.Errors;

/// <summary>A refusal with a stable dotted <see cref="Code"/> (for clients and tests) and a Vietnamese message (for people).</summary>
public sealed record VotingError(string Code, string Message);
