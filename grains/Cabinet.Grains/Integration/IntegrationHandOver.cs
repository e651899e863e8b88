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
}

/// <summary>
/// One grain's hand-over of its waiting events (<see cref="IntegrationHandOver"/>): to the outbox, then the state stored
/// without them. The outbox unreachable: retried every <see cref="Retry"/>. Handed but the emptied list not stored: the
/// grain reloads on the next call (handing an event again delivers it once). The grain's step stands whatever happens.
/// </summary>
internal sealed class IntegrationHandOver<TState>(
    IGrainBase grain,
    IGrainFactory grains,
    IPersistentState<TState> state,
    Func<TState, ImmutableArray<IntegrationEvent>> waiting,
    Func<TState, ImmutableArray<IntegrationEvent>, TState> leaving,
    Action<Exception> failed,
    Action reload)
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(30);

    private IGrainTimer? _retry;

    public async Task HandAsync()
    {
        var pending = waiting(state.State);
        if (pending.IsDefaultOrEmpty)
        {
            return;
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
            failed(ex);
            _retry ??= grain.RegisterGrainTimer(_ => HandAsync(), new GrainTimerCreationOptions(Retry, Retry));
            return;
        }

        _retry?.Dispose();
        _retry = null;
        var before = state.State;
        var handed = pending.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        state.State = leaving(before, [.. waiting(before).Where(e => !handed.Contains(e.Id))]);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.State = before;
            failed(ex);
            reload();
        }
    }

    /// <summary>Events found waiting when the grain activates (its host died before handing them) go out a second later.</summary>
    public void ResumeOnActivation()
    {
        if (!waiting(state.State).IsDefaultOrEmpty)
        {
            _retry ??= grain.RegisterGrainTimer(_ => HandAsync(), new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Retry));
        }
    }
}
