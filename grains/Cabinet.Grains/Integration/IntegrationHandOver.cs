using System.Collections.Immutable;
using Cabinet.Closing;

namespace Cabinet.Integration;

/// <summary>
/// Integration events a grain stores in the same state write as the step that raised them (so a host dying right after
/// the write loses none), then hands to the integration outbox and stores the list without them. Handing an event
/// twice delivers it once: its id is stable.
/// </summary>
internal static class IntegrationHandOver
{
    /// <summary>Events one grain keeps waiting at most (handed within seconds; more means the outbox is down).</summary>
    public const int MaxWaiting = 64;

    /// <summary>The waiting list with <paramref name="e"/> added; the oldest leaves a full list (named in <paramref name="dropped"/>).</summary>
    public static ImmutableArray<IntegrationEvent> Add(ImmutableArray<IntegrationEvent> waiting, IntegrationEvent e, out string? dropped)
    {
        var next = (waiting.IsDefault ? [] : waiting).Add(e);
        dropped = next.Length > MaxWaiting ? next[0].Id : null;
        return dropped is null ? next : next.RemoveAt(0);
    }

    /// <summary>
    /// Hands the events waiting in <paramref name="state"/> to the outbox, then stores the state without them. A failed
    /// write leaves the state in memory as it was (the store may hold either: the grain reloads it).
    /// </summary>
    public static async Task<(HandOverOutcome Outcome, Exception? Error)> HandAsync<TState>(
        IGrainFactory grains, IPersistentState<TState> state,
        Func<TState, ImmutableArray<IntegrationEvent>> waiting, Func<TState, ImmutableArray<IntegrationEvent>, TState> leaving)
    {
        var pending = waiting(state.State);
        if (pending.IsDefaultOrEmpty)
        {
            return (HandOverOutcome.Done, null);
        }

        try
        {
            var outbox = grains.GetGrain<IIntegrationOutboxGrain>(IIntegrationOutboxGrain.Key);
            foreach (var e in pending)
            {
                await outbox.AddAsync(e);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (HandOverOutcome.OutboxUnreachable, ex);
        }

        var before = state.State;
        var handed = pending.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        state.State = leaving(before, [.. waiting(before).Where(e => !handed.Contains(e.Id))]);
        try
        {
            await state.WriteStateAsync();
            return (HandOverOutcome.Done, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.State = before;
            return (HandOverOutcome.NotStored, ex);
        }
    }
}

/// <summary>How a hand-over went: done (or nothing waiting), the outbox unreachable (retry later), or handed but the emptied list not stored (reload).</summary>
internal enum HandOverOutcome
{
    Done,
    OutboxUnreachable,
    NotStored,
}
