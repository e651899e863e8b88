using System.Collections.Immutable;

namespace Cabinet.Documents;

[GenerateSerializer]
public sealed record DocumentReadingsState
{
    /// <summary>Each reader's first opening; one entry per person who may read the document at most.</summary>
    [Id(0)] public ImmutableDictionary<string, DateTimeOffset> FirstOpened { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;
}
