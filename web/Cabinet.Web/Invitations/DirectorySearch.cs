using Cabinet.People;

namespace Cabinet.Web.Invitations;

/// <summary>
/// Finds people in the directory (every organisation) by user name or name, for inviting them to a meeting. Reads
/// each profile once per search; fine for a province's few thousand accounts, a name index is the next step.
/// </summary>
public sealed class DirectorySearch(IGrainFactory grains)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<UserProfile>> FindAsync(string text)
    {
        text = text?.Trim() ?? "";
        if (text.Length < 2)
        {
            return [];
        }

        var users = await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).GetUsersAsync();
        var profiles = await Task.WhenAll(users.Select(u => grains.GetGrain<IUserGrain>(u).GetProfileAsync()));
        return [.. profiles.OfType<UserProfile>()
            .Where(p => p.UserName.Contains(text, StringComparison.OrdinalIgnoreCase) || p.DisplayName.Contains(text, StringComparison.CurrentCultureIgnoreCase))
            .Take(MaxResults)];
    }
}
