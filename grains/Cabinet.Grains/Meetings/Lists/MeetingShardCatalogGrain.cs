using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.Meetings;

public sealed class MeetingShardCatalogGrain(
    [PersistentState("meeting-shards", StorageNames.Meetings)] IPersistentState<MeetingShardCatalogState> state)
    : Grain, IMeetingShardCatalogGrain
{
    private IdleIndex? _idle;

    private IdleIndex Idle => _idle ??= new(this);

    public async Task AddAsync(string period)
    {
        Idle.Written();
        if (state.State.Periods.Contains(period))
        {
            return;
        }

        state.State = state.State with { Periods = [.. state.State.Periods.Add(period).Order(StringComparer.Ordinal)] };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }

    public Task<ImmutableArray<string>> GetAsync()
    {
        Idle.Read();
        return Task.FromResult(state.State.Periods);
    }
}
