using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.People;

public sealed class OrganizationGrain(
    [PersistentState("organization", StorageNames.People)] IPersistentState<OrganizationState> state) : Grain, IOrganizationGrain
{
    public async Task SetProfileAsync(OrganizationProfile profile)
    {
        state.State = state.State with { Profile = profile with { Id = this.GetPrimaryKeyString() } };
        await state.WriteStateAsync();
    }

    public async Task<Errors.CommandResult> CreateAsync(OrganizationProfile profile)
    {
        if (state.State.Profile is not null)
        {
            return Errors.CommandResult.Refused(Errors.ErrorCodes.OrganizationExists);
        }

        await SetProfileAsync(profile);
        return Errors.CommandResult.Accepted(0);
    }

    public Task<SecondFactorPolicy> GetSecondFactorPolicyAsync() => Task.FromResult(state.State.SecondFactor);

    public Task SetSecondFactorPolicyAsync(SecondFactorPolicy policy) => SaveAsync(state.State with { SecondFactor = policy });

    public Task<OrganizationProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public Task AddMemberAsync(string userName) =>
        state.State.Members.Contains(userName) ? Task.CompletedTask : SaveAsync(state.State with { Members = state.State.Members.Add(userName) });

    public Task AddMembersAsync(ImmutableArray<string> userNames) =>
        SaveAsync(state.State with { Members = state.State.Members.AddRange(userNames.Except(state.State.Members).Distinct()) });

    public Task<ImmutableArray<string>> GetMembersAsync() => Task.FromResult(state.State.Members);

    public Task<Meetings.MeetingRules> GetRulesAsync() => Task.FromResult(state.State.Rules ?? Meetings.MeetingRules.PeoplesCommittee);

    public async Task<Errors.CommandResult> SetRulesAsync(Meetings.MeetingRules rules)
    {
        if (rules is not { IsValid: true })
        {
            return Errors.CommandResult.Refused(Errors.ErrorCodes.MeetingRulesInvalid);
        }

        await SaveAsync(state.State with { Rules = rules });
        return Errors.CommandResult.Accepted(0);
    }

    private Task SaveAsync(OrganizationState next)
    {
        state.State = next;
        return state.WriteStateAsync();
    }
}
