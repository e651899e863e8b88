namespace Cabinet.Documents.Annotations;

/// <summary>What an annotation draws and says, as the rules check it. Ink strokes are flat lists x0, y0, x1, y1, …</summary>
public sealed record AnnotationShape(
    ShapeKind Kind,
    int Page,
    IReadOnlyList<PageRect> Rects,
    PageQuote? Quote,
    string? Text,
    IReadOnlyList<IReadOnlyList<double>>? Ink,
    string? Color);
