using System.Collections.Immutable;

namespace Cabinet.Voting.Ballots;

/// <summary>
/// A ballot as the poll keeps it and the body each chain entry hashes. <see cref="Voter"/> is null in a secret
/// poll (and then left out of the canonical JSON), so neither storage nor the chain links a name to a choice.
/// In a secret poll with unequal weights, a unique weight can still point at its voter; use equal weights there.
/// </summary>
public sealed record AcceptedBallot(
    long Position,
    string BallotHash,
    ImmutableArray<string> Choices,
    int Weight,
    string? Voter = null);
