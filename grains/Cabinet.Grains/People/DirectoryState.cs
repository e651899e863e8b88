using System.Collections.Immutable;

namespace Cabinet.People;

[GenerateSerializer]
public sealed record DirectoryState
{
    [Id(0)] public ImmutableArray<string> Organizations { get; init; } = [];
    [Id(1)] public ImmutableArray<string> Users { get; init; } = [];
}
