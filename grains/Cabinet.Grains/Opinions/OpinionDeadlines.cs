namespace Cabinet.Opinions;

/// <summary>
/// The ballot's deadline as Orleans reminders on its own grain: one some hours before (the members who have not answered
/// are reminded) and one at the deadline (recorded in the ledger; the office and the chair are told). Reminders survive
/// restarts and, in Redis mode, fire on whichever host is alive.
/// </summary>
internal static class OpinionDeadlines
{
    public const string Near = "opinion-deadline-near";
    public const string At = "opinion-deadline";

    /// <summary>How long before the deadline the members who have not answered are reminded.</summary>
    public static readonly TimeSpan NearBy = TimeSpan.FromHours(24);

    /// <summary>Reminders repeat until the grain unregisters them (a missed tick is retried an hour later).</summary>
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public static async Task ScheduleAsync(Grain grain, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (deadline - NearBy > now)
        {
            await grain.RegisterOrUpdateReminder(Near, deadline - NearBy - now, Period);
        }

        await grain.RegisterOrUpdateReminder(At, Max(deadline - now, TimeSpan.FromSeconds(1)), Period);
    }

    public static async Task CancelAsync(Grain grain)
    {
        await CancelAsync(grain, Near);
        await CancelAsync(grain, At);
    }

    public static async Task CancelAsync(Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
