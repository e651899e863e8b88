using Cabinet.Voting.Polls;

namespace Cabinet.Polls;

/// <summary>
/// A poll as stored: its book without the ballots (they are in the poll's journal, one <see cref="BallotLine"/> each),
/// where their chain ends, who voted and, once closed, the signed result. Its size is fixed when the poll opens, so a
/// ballot's write costs the same whether it is the first or the three-thousandth.
/// </summary>
[GenerateSerializer]
public sealed record PollState
{
    [Id(0)] public PollBook? Book { get; init; }
    [Id(1)] public SignedPollResult? Result { get; init; }

    /// <summary>Only in a poll stored before the journal: each named ballot as signed (moved into the journal on activation).</summary>
    [Id(2)] public System.Collections.Immutable.ImmutableArray<BallotEvidenceRecord> Evidence { get; init; } = [];

    /// <summary>How many ballots the journal holds for this state (lines after them were never acknowledged).</summary>
    [Id(3)] public int BallotCount { get; init; }

    [Id(4)] public string? ChainHead { get; init; }

    /// <summary>Who voted (<see cref="VoterMarks"/>).</summary>
    [Id(5)] public byte[]? Voted { get; init; }
}
