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

    public static async Task HandAsync(IGrainFactory grains, ImmutableArray<IntegrationEvent> waiting)
    {
        var outbox = grains.GetGrain<IIntegrationOutboxGrain>(IIntegrationOutboxGrain.Key);
        foreach (var e in waiting)
        {
            await outbox.AddAsync(e);
        }
    }

    /// <summary>What is still waiting once <paramref name="handed"/> reached the outbox (more may have been added meanwhile).</summary>
    public static ImmutableArray<IntegrationEvent> Without(ImmutableArray<IntegrationEvent> waiting, ImmutableArray<IntegrationEvent> handed)
    {
        var ids = handed.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return [.. waiting.Where(e => !ids.Contains(e.Id))];
    }
}
