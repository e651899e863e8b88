namespace Cabinet.Voting.Ballots;

/// <summary>
/// What a voter gets back: their ballot's hash, where it stands in the poll's ballot chain, and the chain hash
/// there. After the poll closes anyone holding it can check the published chain with <see cref="BallotChain.Contains"/>.
/// </summary>
public sealed record Receipt(string PollId, long Position, string BallotHash, string ChainHash);
