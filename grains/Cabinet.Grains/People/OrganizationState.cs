using System.Collections.Immutable;

namespace Cabinet.People;

[GenerateSerializer]
public sealed record OrganizationState
{
    [Id(0)] public OrganizationProfile? Profile { get; init; }
    [Id(1)] public ImmutableArray<string> Members { get; init; } = [];
    // Id 2 held every meeting id the organisation ever had; the meeting index replaced it.
    /// <summary>Null until set: the organisation follows <see cref="Meetings.MeetingRules.PeoplesCommittee"/>.</summary>
    [Id(3)] public Meetings.MeetingRules? Rules { get; init; }

    /// <summary>Whom sign-in asks for a second factor; administrators unless the organisation says otherwise.</summary>
    [Id(4)] public SecondFactorPolicy SecondFactor { get; init; }
}
