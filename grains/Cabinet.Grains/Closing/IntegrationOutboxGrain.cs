using System.Collections.Immutable;
using Cabinet.Storage;

namespace Cabinet.Closing;

public sealed class IntegrationOutboxGrain([PersistentState("outbox", StorageNames.Meetings)] IPersistentState<IntegrationOutboxState> state)
    : Grain, IIntegrationOutboxGrain
{
    public async Task AddAsync(MeetingArchived archived)
    {
        if (state.State.Pending.Any(p => p.MeetingId == archived.MeetingId))
        {
            return;
        }

        state.State = state.State with { Pending = state.State.Pending.Add(archived) };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<MeetingArchived>> GetPendingAsync() => Task.FromResult(state.State.Pending);
}
