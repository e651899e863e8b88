using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>
/// The old stored form of a document's annotations: all of them in one state, rewritten whole on every change. Read
/// only to move them into the <see cref="IAnnotationStore"/> on activation, then cleared.
/// </summary>
[GenerateSerializer]
public sealed record AnnotationState
{
    [Id(0)] public ImmutableList<AnnotationView> Annotations { get; init; } = [];
    [Id(1)] public int ReanchoredThrough { get; init; }
    [Id(2)] public int NextNumber { get; init; } = 1;
}
