using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.Meetings;

public sealed class OrganizationMeetingsGrain(
    [PersistentState("organization-meetings", StorageNames.Meetings)] IPersistentState<MeetingShardState<MeetingListing>> state)
    : Grain, IOrganizationMeetingsGrain
{
    private readonly MeetingShard<MeetingListing> _shard = new(state, l => l.MeetingId, l => l.Version);

    public Task UpsertAsync(MeetingListing listing) => _shard.UpsertAsync(listing, CatalogAsync);

    public Task RemoveAsync(string meetingId, long version) => _shard.RemoveAsync(meetingId, version);

    public Task<ImmutableArray<MeetingListing>> GetAsync() => Task.FromResult(_shard.Entries);

    private Task CatalogAsync()
    {
        var (organizationId, month) = MeetingIndexKeys.Split(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<IMeetingShardCatalogGrain>(MeetingIndexKeys.OrganizationCatalog(organizationId)).AddAsync(month);
    }
}
