using System.Collections.Immutable;
using Cabinet.People;

namespace Cabinet.Opinions;

/// <summary>An organisation's list of opinion ballots (key: the organisation id), kept by the ballots themselves.</summary>
[Alias("cabinet.IOpinionBallotsGrain")]
public interface IOpinionBallotsGrain : IGrainWithStringKey
{
    Task RecordAsync(OpinionSummary summary, ImmutableArray<string> viewers);

    /// <summary>The ballots the actor may see, newest first.</summary>
    Task<ImmutableArray<OpinionSummary>> ListAsync(Actor actor);
}
