using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>
/// An annotation as its author, or (when shared) every participant, sees it. <see cref="Version"/> is the document
/// version it is anchored on now; when a new version is issued it moves there if its quote is found, otherwise it
/// stays on its old version with <see cref="NeedsAttention"/> set: never dropped.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.annotation-view")]
public sealed record AnnotationView(
    string AnnotationId,
    string DocumentId,
    string Author,
    string AuthorName,
    AnnotationKind Kind,
    int Version,
    AnnotationAnchor Anchor,
    string? Text,
    ImmutableArray<ImmutableArray<double>>? Ink,
    string? Color,
    bool Shared,
    bool NeedsAttention,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
