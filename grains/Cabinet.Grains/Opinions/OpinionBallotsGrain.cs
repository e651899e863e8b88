using System.Collections.Immutable;
using Cabinet.People;
using Cabinet.Storage;

namespace Cabinet.Opinions;

/// <summary>
/// An organisation's opinion ballots, newest first, bounded by <see cref="OpinionLimits.MaxListed"/> (closed ballots
/// leave the list first). Each line keeps who besides the office sees it: the chair, and the members once sent.
/// </summary>
public sealed class OpinionBallotsGrain(
    [PersistentState("opinions", StorageNames.Meetings)] IPersistentState<OpinionBallotsState> state,
    OpinionLimits limits) : Grain, IOpinionBallotsGrain
{
    public async Task RecordAsync(OpinionSummary summary, ImmutableArray<string> viewers)
    {
        var line = new OpinionListLine(summary, viewers.IsDefault ? [] : viewers);
        var lines = state.State.Lines.Where(l => l.Summary.BallotId != summary.BallotId).Prepend(line).ToList();
        while (lines.Count > limits.MaxListed)
        {
            var oldest = lines.LastOrDefault(l => l.Summary.Status == OpinionStatus.Closed) ?? lines[^1];
            lines.Remove(oldest);
        }

        state.State = new OpinionBallotsState { Lines = [.. lines] };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<OpinionSummary>> ListAsync(Actor actor)
    {
        var organizationId = this.GetPrimaryKeyString();
        var office = OpinionPermissions.IsOffice(actor, organizationId);
        return Task.FromResult(actor.OrganizationId != organizationId ? []
            : state.State.Lines.Where(l => office || l.Viewers.Contains(actor.UserName)).Select(l => l.Summary).ToImmutableArray());
    }
}

public sealed record OpinionBallotsState
{
    public ImmutableArray<OpinionListLine> Lines { get; init; } = [];
}

public sealed record OpinionListLine(OpinionSummary Summary, ImmutableArray<string> Viewers);
