using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.Meetings;

public sealed class PersonMeetingsGrain(
    [PersistentState("person-meetings", StorageNames.Meetings)] IPersistentState<MeetingShardState<Invitation>> state)
    : Grain, IPersonMeetingsGrain
{
    private readonly MeetingShard<Invitation> _shard = new(state, i => i.MeetingId, i => i.Version);

    private IdleIndex? _idle;

    private IdleIndex Idle => _idle ??= new(this);

    public async Task UpsertAsync(Invitation invitation)
    {
        await _shard.UpsertAsync(invitation, CatalogAsync);
        Idle.Written();
    }

    public async Task RemoveAsync(string meetingId, long version)
    {
        await _shard.RemoveAsync(meetingId, version);
        Idle.Written();
    }

    public Task<ImmutableArray<Invitation>> GetAsync()
    {
        Idle.Read();
        return Task.FromResult(_shard.Entries);
    }

    private Task CatalogAsync()
    {
        var (userName, year) = MeetingIndexKeys.Split(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<IMeetingShardCatalogGrain>(MeetingIndexKeys.PersonCatalog(userName)).AddAsync(year);
    }
}
