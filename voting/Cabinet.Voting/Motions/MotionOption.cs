namespace Cabinet.Voting.Motions;

/// <summary>One option of a motion. <see cref="Id"/> is what ballots carry; <see cref="Label"/> is what people read.</summary>
public sealed record MotionOption(string Id, string Label);
