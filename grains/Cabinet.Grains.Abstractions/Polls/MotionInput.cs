using System.Collections.Immutable;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Cabinet.Voting.Voters;

namespace Cabinet.Polls;

/// <summary>
/// What the chair puts to the vote on an agenda item. <see cref="Options"/> are the labels of a choice motion
/// (ignored for yes/no/abstain). Quorum and majority default to the meeting's rules (copied from the organisation's).
/// A binding poll is refused (<c>poll.no_quorum</c>) while the meeting lacks its quorum, unless the chair, warned,
/// sends it again with <see cref="ConfirmWithoutQuorum"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.motion-input")]
public sealed record MotionInput(
    string AgendaItemId,
    string Title,
    MotionKind Kind = MotionKind.YesNoAbstain,
    ImmutableArray<string>? Options = null,
    int MinChoices = 1,
    int MaxChoices = 1,
    Secrecy Secrecy = Secrecy.Named,
    EligibilityPolicy Eligibility = EligibilityPolicy.PresentDelegatesAndChair,
    QuorumRule? Quorum = null,
    MajorityRule? Majority = null,
    bool ConfirmWithoutQuorum = false);
