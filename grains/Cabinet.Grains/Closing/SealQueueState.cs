using System.Collections.Immutable;

namespace Cabinet.Closing;

[GenerateSerializer]
public sealed record SealQueueState
{
    [Id(0)] public ImmutableArray<string> Pending { get; init; } = [];
}
