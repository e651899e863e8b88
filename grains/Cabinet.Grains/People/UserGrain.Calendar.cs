namespace Cabinet.People;

/// <summary>The person's secret calendar feed address (for calendar apps that cannot sign in).</summary>
public sealed partial class UserGrain
{
    public async Task<string?> RotateCalendarFeedAsync()
    {
        if (state.State.Profile is null)
        {
            return null;
        }

        var token = CalendarFeedToken.New();
        await SetCalendarFeedAsync(CalendarFeedToken.Hash(token));
        return token;
    }

    public Task RevokeCalendarFeedAsync() => SetCalendarFeedAsync(null);

    public Task<bool> HasCalendarFeedAsync() => Task.FromResult(state.State.CalendarFeedHash is not null);

    private async Task SetCalendarFeedAsync(string? hash)
    {
        if (state.State.CalendarFeedHash is { } old)
        {
            await GrainFactory.GetGrain<ICalendarFeedGrain>(old).SetOwnerAsync(null);
        }

        if (hash is not null)
        {
            await GrainFactory.GetGrain<ICalendarFeedGrain>(hash).SetOwnerAsync(this.GetPrimaryKeyString());
        }

        state.State = state.State with { CalendarFeedHash = hash };
        await state.WriteStateAsync();
    }
}
