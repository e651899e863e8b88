namespace Cabinet.Voting.Polls;

/// <summary>How many of the eligible have voted so far (heads and weights); says nothing about choices.</summary>
public sealed record Participation(int Voted, int Eligible, long VotedWeight, long EligibleWeight);
