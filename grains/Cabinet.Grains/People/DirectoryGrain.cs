using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.People;

public sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.People)] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    public Task AddOrganizationAsync(string organizationId) =>
        state.State.Organizations.Contains(organizationId)
            ? Task.CompletedTask
            : SaveAsync(state.State with { Organizations = state.State.Organizations.Add(organizationId) });

    public Task AddUserAsync(string userName) =>
        state.State.Users.Contains(userName) ? Task.CompletedTask : SaveAsync(state.State with { Users = state.State.Users.Add(userName) });

    public Task AddUsersAsync(ImmutableArray<string> userNames) =>
        SaveAsync(state.State with { Users = state.State.Users.AddRange(userNames.Except(state.State.Users).Distinct()) });

    public Task<ImmutableArray<string>> GetOrganizationsAsync() => Task.FromResult(state.State.Organizations);

    public Task<ImmutableArray<string>> GetUsersAsync() => Task.FromResult(state.State.Users);

    private Task SaveAsync(DirectoryState next)
    {
        state.State = next;
        return state.WriteStateAsync();
    }
}
