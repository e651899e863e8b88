namespace Cabinet.Voting.Ballots;

/// <summary>The first broken place in a ballot chain and why.</summary>
public sealed record BallotChainFault(long Position, string Reason);
