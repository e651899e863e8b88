using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.Meetings;

public sealed class PersonMeetingsGrain(
    [PersistentState("person-meetings", StorageNames.Meetings)] IPersistentState<MeetingShardState<Invitation>> state)
    : Grain, IPersonMeetingsGrain
{
    private readonly MeetingShard<Invitation> _shard = new(state, i => i.MeetingId, i => i.Version);

    public Task UpsertAsync(Invitation invitation) => _shard.UpsertAsync(invitation, CatalogAsync);

    public Task RemoveAsync(string meetingId, long version) => _shard.RemoveAsync(meetingId, version);

    public Task<ImmutableArray<Invitation>> GetAsync() => Task.FromResult(_shard.Entries);

    private Task CatalogAsync()
    {
        var (userName, year) = MeetingIndexKeys.Split(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<IMeetingShardCatalogGrain>(MeetingIndexKeys.PersonCatalog(userName)).AddAsync(year);
    }
}
