using Cabinet.Voting.Tallying;

namespace Cabinet.Meetings;

/// <summary>
/// An organisation's meeting rules, copied into each meeting when it is scheduled: when a session is valid, what a
/// decision needs, and whether a deputy (người dự họp thay) votes in the member's place.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-rules")]
public sealed record MeetingRules(QuorumRule Quorum, MajorityRule Majority, bool DeputiesVote)
{
    /// <summary>
    /// A People's Committee: the session is valid with at least two thirds of its members present, a decision needs
    /// more than half of all members, and whoever attends in a member's place speaks but does not vote.
    /// </summary>
    public static MeetingRules PeoplesCommittee { get; } = new(QuorumRule.TwoThirdsOfMembers, MajorityRule.MoreThanHalfOfMembers, DeputiesVote: false);

    public bool IsValid => Quorum is { IsValid: true } && Majority is { IsValid: true };
}
