using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.Closing;

/// <summary>
/// Everything sealing needs from the meeting grain: its state, its organisation's name, each closed poll's signed result,
/// ballot chain and (named polls) its signed ballots.
/// </summary>
public sealed record SealRequest(string MeetingId, string OrganizationName, MeetingState State,
    IReadOnlyList<(PollView Poll, SignedPollResult Result, BallotChain Chain, System.Collections.Immutable.ImmutableArray<BallotEvidenceRecord> Ballots)> Polls);
