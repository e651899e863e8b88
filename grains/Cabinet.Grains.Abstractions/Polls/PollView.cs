using System.Collections.Immutable;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;

namespace Cabinet.Polls;

/// <summary>
/// A poll as every participant sees it in the meeting snapshot: the motion, who may vote, its status and — once
/// closed — the signed result. It never holds anyone's choice.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.poll-view")]
public sealed record PollView(
    string PollId,
    Motion Motion,
    PollStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string? CancelReason,
    ImmutableArray<string> EligibleVoters,
    int MemberCount,
    int PresentCount,
    SignedPollResult? Result);
