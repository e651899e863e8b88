namespace Cabinet.Opinions;

/// <summary>
/// A step of an opinion ballot (kinds in <see cref="OpinionEventKinds"/>), pushed to the people who may see it; the
/// page then reads the ballot (and the consolidation) again. Versions count every accepted step.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-event")]
public sealed record OpinionEvent(string BallotId, long Version, string Kind, string Actor, DateTimeOffset At, OpinionStatus Status);
