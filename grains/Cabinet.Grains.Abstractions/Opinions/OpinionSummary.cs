namespace Cabinet.Opinions;

/// <summary>One line of the organisation's list of opinion ballots.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-summary")]
public sealed record OpinionSummary(string BallotId, string Title, OpinionStatus Status, DateTimeOffset Deadline, string Chair, DateTimeOffset UpdatedAt);
