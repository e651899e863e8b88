using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.Closing;

public sealed class SealQueueGrain([PersistentState("seal-queue", StorageNames.Meetings)] IPersistentState<SealQueueState> state)
    : Grain, ISealQueueGrain
{
    public Task AddAsync(string meetingId) =>
        state.State.Pending.Contains(meetingId) ? Task.CompletedTask : SaveAsync(state.State.Pending.Add(meetingId));

    public Task RemoveAsync(string meetingId) =>
        state.State.Pending.Contains(meetingId) ? SaveAsync(state.State.Pending.Remove(meetingId)) : Task.CompletedTask;

    public Task<ImmutableArray<string>> GetPendingAsync() => Task.FromResult(state.State.Pending);

    private Task SaveAsync(ImmutableArray<string> pending)
    {
        state.State = state.State with { Pending = pending };
        return state.WriteStateAsync();
    }
}
