namespace Cabinet.Voting.Ballots;

/// <summary>The first broken place in a ballot chain and why, in English and in Vietnamese (for the verifier's report).</summary>
public sealed record BallotChainFault(long Position, string Reason, string ReasonVi);
