using Cabinet.Voting.Canonical;
using Cabinet.Voting.Chains;

namespace Cabinet.Voting.Ballots;

/// <summary>One link: <c>Hash = HashChain.Link(PreviousHash, canonical JSON of Ballot)</c>.</summary>
public sealed record BallotChainEntry(AcceptedBallot Ballot, string PreviousHash, string Hash)
{
    public static BallotChainEntry After(string previousHash, AcceptedBallot ballot) =>
        new(ballot, previousHash, HashChain.Link(previousHash, CanonicalJson.Serialize(ballot)));

    /// <summary>The hash this entry should carry given its own fields.</summary>
    public string ComputeHash() => HashChain.Link(PreviousHash, CanonicalJson.Serialize(Ballot));
}
