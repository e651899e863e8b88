namespace Cabinet.Voting.Tallying;

/// <summary>What a majority rule takes its fraction of.</summary>
public enum MajorityBasis
{
    VotesCast,
    Members,
    Present,
}
