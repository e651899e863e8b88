using Cabinet.Storage;

namespace Cabinet.People;

public sealed class CalendarFeedGrain([PersistentState("calendar-feed", StorageNames.People)] IPersistentState<CalendarFeedState> state)
    : Grain, ICalendarFeedGrain
{
    public Task<string?> GetOwnerAsync() => Task.FromResult(state.State.UserName);

    public async Task SetOwnerAsync(string? userName)
    {
        if (userName is null)
        {
            await state.ClearStateAsync();
            return;
        }

        state.State = new CalendarFeedState { UserName = userName };
        await state.WriteStateAsync();
    }
}

[GenerateSerializer]
public sealed record CalendarFeedState
{
    [Id(0)] public string? UserName { get; init; }
}
