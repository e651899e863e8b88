using System.Collections.Immutable;

namespace Cabinet.Closing;

[GenerateSerializer]
public sealed record PublishedConclusionsState
{
    [Id(0)] public ImmutableArray<PublishedConclusion> Conclusions { get; init; } = [];
}
