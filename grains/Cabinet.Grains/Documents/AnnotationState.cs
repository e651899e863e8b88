using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>The annotations on one document, and the latest version they have been brought up to.</summary>
[GenerateSerializer]
public sealed record AnnotationState
{
    [Id(0)] public ImmutableList<AnnotationView> Annotations { get; init; } = [];
    [Id(1)] public int ReanchoredThrough { get; init; }
    [Id(2)] public int NextNumber { get; init; } = 1;
}
