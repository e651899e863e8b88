using Cabinet.Voting.Tallying;

namespace Cabinet.Meetings;

/// <summary>
/// An organisation's meeting rules, copied into each meeting when it is scheduled: when a session is valid, what a
/// decision needs, and whether a deputy (người dự họp thay) votes in the member's place, and how long the draft minutes are reviewed.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-rules")]
public sealed record MeetingRules(QuorumRule Quorum, MajorityRule Majority, bool DeputiesVote)
{
    /// <summary>
    /// A People's Committee: the session is valid with at least two thirds of its members present, a decision needs
    /// more than half of all members, and whoever attends in a member's place speaks but does not vote.
    /// </summary>
    public static MeetingRules PeoplesCommittee { get; } = new(QuorumRule.TwoThirdsOfMembers, MajorityRule.MoreThanHalfOfMembers, DeputiesVote: false);

    /// <summary>The longest review of the draft minutes an organisation may set: thirty days.</summary>
    public const int MaxReviewHours = 720;

    /// <summary>
    /// How long the participants review the draft minutes after the close before the secretary may sign them;
    /// 0 means no review (the secretary signs at once).
    /// </summary>
    [Id(3)] public int ReviewHours { get; init; } = 24;

    public bool IsValid => Quorum is { IsValid: true } && Majority is { IsValid: true } && ReviewHours is >= 0 and <= MaxReviewHours;
}
