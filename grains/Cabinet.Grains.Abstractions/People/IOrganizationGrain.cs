using System.Collections.Immutable;

namespace Cabinet.People;

/// <summary>An organisation: its profile, its members (its meetings are in its meeting index). Keyed by organisation id.</summary>
[Alias("cabinet.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    Task SetProfileAsync(OrganizationProfile profile);

    /// <summary>Creates the organisation; refused (<c>organization.exists</c>) when it has a profile already.</summary>
    Task<Errors.CommandResult> CreateAsync(OrganizationProfile profile);

    Task<SecondFactorPolicy> GetSecondFactorPolicyAsync();

    Task SetSecondFactorPolicyAsync(SecondFactorPolicy policy);

    Task<OrganizationProfile?> GetProfileAsync();

    Task AddMemberAsync(string userName);

    /// <summary>Adds many members in one write (an import).</summary>
    Task AddMembersAsync(ImmutableArray<string> userNames);

    Task<ImmutableArray<string>> GetMembersAsync();

    /// <summary>The organisation's meeting rules; a People's Committee's until set (<see cref="Meetings.MeetingRules.PeoplesCommittee"/>).</summary>
    Task<Meetings.MeetingRules> GetRulesAsync();

    Task<Errors.CommandResult> SetRulesAsync(Meetings.MeetingRules rules);
}
