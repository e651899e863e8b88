using System.Collections.Immutable;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;

namespace Cabinet.Polls;

/// <summary>
/// A poll as every participant sees it in the meeting snapshot: the motion, who may vote, its status and — once
/// closed — the result (its signed document is fetched on demand). It never holds anyone's choice. <see cref="EligibleVoters"/> is filled only while the
/// poll is open (the ballot form asks it); an ended poll keeps only <see cref="EligibleCount"/>, so the meeting's state
/// and its events do not carry every past poll's voter list (the poll grain and the archive keep it).
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
    PollResultSummary? Result,
    int EligibleCount = 0)
{
    /// <summary>How many may vote; a poll stored before <see cref="EligibleCount"/> existed counts its list.</summary>
    public int Eligible => EligibleCount > 0 ? EligibleCount : EligibleVoters.IsDefault ? 0 : EligibleVoters.Length;

    /// <summary>This poll once it has ended: its voter list dropped, their number kept.</summary>
    public PollView Ended(PollStatus status, DateTimeOffset at) =>
        this with { Status = status, ClosedAt = at, EligibleCount = Eligible, EligibleVoters = [] };
}
