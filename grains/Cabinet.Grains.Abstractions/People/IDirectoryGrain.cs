using System.Collections.Immutable;

namespace Cabinet.People;

/// <summary>The index of all organisations and users (one per installation, key <see cref="Key"/>).</summary>
[Alias("cabinet.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    const string Key = "directory";

    Task AddOrganizationAsync(string organizationId);

    Task AddUserAsync(string userName);

    /// <summary>Adds many users in one write (an import).</summary>
    Task AddUsersAsync(ImmutableArray<string> userNames);

    Task<ImmutableArray<string>> GetOrganizationsAsync();

    Task<ImmutableArray<string>> GetUsersAsync();
}
