using System.Collections.Immutable;

namespace Cabinet.People;

/// <summary>An organisation: its profile, its members (its meetings are in its meeting index). Keyed by organisation id.</summary>
[Alias("cabinet.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    Task SetProfileAsync(OrganizationProfile profile);

    Task<OrganizationProfile?> GetProfileAsync();

    Task AddMemberAsync(string userName);

    Task<ImmutableArray<string>> GetMembersAsync();

    /// <summary>The organisation's meeting rules; a People's Committee's until set (<see cref="Meetings.MeetingRules.PeoplesCommittee"/>).</summary>
    Task<Meetings.MeetingRules> GetRulesAsync();

    Task<Errors.CommandResult> SetRulesAsync(Meetings.MeetingRules rules);
}
