using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>
/// What a participant sends to create or edit an annotation on a version of a document. Ink strokes are flat
/// lists of page fractions x0, y0, x1, y1, …
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.annotation-input")]
public sealed record AnnotationInput(
    int Version,
    AnnotationKind Kind,
    AnnotationAnchor Anchor,
    string? Text,
    ImmutableArray<ImmutableArray<double>>? Ink,
    string? Color,
    bool Shared);
