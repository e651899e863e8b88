using System.Collections.Immutable;
using Cabinet.Integration;
using Cabinet.Storage;
using Microsoft.Extensions.Logging;

namespace Cabinet.Closing;

public sealed partial class IntegrationOutboxGrain(
    [PersistentState("outbox", StorageNames.Meetings)] IPersistentState<IntegrationOutboxState> state,
    ILogger<IntegrationOutboxGrain> logger)
    : Grain, IIntegrationOutboxGrain
{
    /// <summary>Drained every few seconds; this many waiting means no dispatcher runs, and the oldest go.</summary>
    public const int MaxWaiting = 10_000;

    public async Task AddAsync(IntegrationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (state.State.Events.Any(p => p.Id == e.Id))
        {
            return;
        }

        var events = state.State.Events;
        if (events.Length >= MaxWaiting)
        {
            LogDropped(events[0].Id, events[0].Type);
            events = events.RemoveAt(0);
        }

        state.State = state.State with { Events = events.Add(e) };
        await state.WriteStateAsync();
    }

    public async Task<ImmutableArray<string>> DrainAsync()
    {
        var handed = state.State.Events;
        if (handed.Length > 0 || state.State.Pending.Length > 0)
        {
            var subscribed = state.State.Subscribed.ToHashSet(StringComparer.Ordinal);
            foreach (var e in handed.Where(e => subscribed.Contains(e.OrganizationId)))
            {
                await GrainFactory.GetGrain<IWebhookGrain>(e.OrganizationId).EnqueueAsync(e);
            }

            // Handed over (or nobody listens): the webhook grains hold the deliveries from here on. A crash before this
            // write hands them again, and a webhook grain takes each event once.
            state.State = state.State with { Events = state.State.Events.RemoveRange(handed), Pending = [] };
            await state.WriteStateAsync();
        }

        return state.State.Subscribed;
    }

    public async Task SetSubscribedAsync(string organizationId, bool subscribed)
    {
        var list = state.State.Subscribed;
        var next = subscribed ? (list.Contains(organizationId) ? list : list.Add(organizationId)) : list.Remove(organizationId);
        if (next != list)
        {
            state.State = state.State with { Subscribed = next };
            await state.WriteStateAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integration outbox full: event {EventId} ({Type}) dropped undelivered")]
    private partial void LogDropped(string eventId, string type);
}
