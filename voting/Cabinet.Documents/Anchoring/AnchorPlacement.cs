using Cabinet.Documents.Annotations;

namespace Cabinet.Documents.Anchoring;

/// <summary>Where an annotation sits on the new version: its page, rectangles and (for ink) strokes.</summary>
public sealed record AnchorPlacement(int Page, IReadOnlyList<PageRect> Rects, IReadOnlyList<IReadOnlyList<double>>? Ink);
