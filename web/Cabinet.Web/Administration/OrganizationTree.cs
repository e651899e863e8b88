using System.Collections.Immutable;
using Cabinet.People;

namespace Cabinet.Web.Administration;

/// <summary>
/// The organisations as a tree (each profile names its parent), read from the directory. Whether an administrator
/// administers one is <see cref="OrganizationPermissions.AdministersOrganization"/>, given the organisation's lineage.
/// </summary>
public sealed class OrganizationTree(IGrainFactory grains)
{
    /// <summary>Deeper than this is not followed (province, department or commune, and room to spare); a cycle stops too.</summary>
    public const int MaxDepth = 8;

    /// <returns>The organisation's id, then its parent's, up to the root; empty when it does not exist.</returns>
    public async Task<ImmutableArray<string>> LineageAsync(string organizationId)
    {
        var lineage = ImmutableArray.CreateBuilder<string>();
        for (var id = organizationId; id is not null && lineage.Count < MaxDepth && !lineage.Contains(id);)
        {
            if (await grains.GetGrain<IOrganizationGrain>(id).GetProfileAsync() is not { } profile)
            {
                break;
            }

            lineage.Add(id);
            id = profile.ParentId;
        }

        return lineage.ToImmutable();
    }

    public async Task<bool> AdministersAsync(Actor actor, string? organizationId) =>
        organizationId is not null && actor.IsAdministrator
        && OrganizationPermissions.AdministersOrganization(actor, await LineageAsync(organizationId));

    /// <summary>The organisations <paramref name="actor"/> administers, their own first, each followed by those under it.</summary>
    public async Task<ImmutableArray<OrganizationNode>> AdministeredAsync(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            return [];
        }

        var ids = await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).GetOrganizationsAsync();
        var profiles = (await Task.WhenAll(ids.Select(id => grains.GetGrain<IOrganizationGrain>(id).GetProfileAsync())))
            .OfType<OrganizationProfile>().ToDictionary(p => p.Id, StringComparer.Ordinal);
        var administered = profiles.Values.Where(p => OrganizationPermissions.AdministersOrganization(actor, Lineage(p.Id, profiles))).ToList();
        var nodes = ImmutableArray.CreateBuilder<OrganizationNode>();
        foreach (var root in administered.Where(p => p.ParentId is null || !administered.Exists(a => a.Id == p.ParentId)))
        {
            await AddAsync(root, 0);
        }

        return nodes.ToImmutable();

        async Task AddAsync(OrganizationProfile profile, int depth)
        {
            nodes.Add(new OrganizationNode(profile, depth, await grains.GetGrain<IOrganizationGrain>(profile.Id).GetSecondFactorPolicyAsync()));
            foreach (var child in administered.Where(p => p.ParentId == profile.Id).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                await AddAsync(child, depth + 1);
            }
        }
    }

    private static List<string> Lineage(string id, Dictionary<string, OrganizationProfile> profiles)
    {
        var lineage = new List<string>();
        for (string? at = id; at is not null && lineage.Count < MaxDepth && !lineage.Contains(at) && profiles.TryGetValue(at, out var profile); at = profile.ParentId)
        {
            lineage.Add(at);
        }

        return lineage;
    }
}
