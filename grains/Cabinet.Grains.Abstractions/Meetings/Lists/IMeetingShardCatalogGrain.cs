using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The shards (months or years) one owner's index has, so a reader walks only those. Grows by twelve entries a year
/// at most. Keys: <see cref="MeetingIndexKeys.OrganizationCatalog"/>, <see cref="MeetingIndexKeys.PersonCatalog"/>.
/// </summary>
[Alias("cabinet.IMeetingShardCatalogGrain")]
public interface IMeetingShardCatalogGrain : IGrainWithStringKey
{
    Task AddAsync(string period);

    /// <summary>The periods in ascending order.</summary>
    Task<ImmutableArray<string>> GetAsync();
}
