using Cabinet.Voting.Polls;

namespace Cabinet.Polls;

[GenerateSerializer]
public sealed record PollState
{
    [Id(0)] public PollBook? Book { get; init; }
    [Id(1)] public SignedPollResult? Result { get; init; }

    /// <summary>Each accepted ballot of a named poll as signed, in chain order (one per voter, so bounded by the eligible voters).</summary>
    [Id(2)] public System.Collections.Immutable.ImmutableArray<BallotEvidenceRecord> Evidence { get; init; } = [];
}
