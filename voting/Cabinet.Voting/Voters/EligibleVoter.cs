namespace Cabinet.Voting.Voters;

/// <summary>A user who may vote in a poll, with the weight of their ballot (1 unless the body says otherwise).</summary>
public sealed record EligibleVoter(string UserName, int Weight = 1);
