using System.Collections.Immutable;
using Cabinet.Documents.Anchoring;
using Cabinet.Documents.Annotations;

namespace Cabinet.Documents;

/// <summary>Between the wire records (input, view, anchor) and the pure domain's shape and placement.</summary>
internal static class AnnotationShapes
{
    public static AnnotationShape Of(AnnotationInput input) =>
        new((ShapeKind)input.Kind, input.Anchor?.Page ?? 0, Rects(input.Anchor), Quote(input.Anchor), input.Text, Ink(input.Ink), input.Color);

    public static AnnotationShape Of(AnnotationView view) =>
        new((ShapeKind)view.Kind, view.Anchor.Page, Rects(view.Anchor), Quote(view.Anchor), view.Text, Ink(view.Ink), view.Color);

    /// <summary>The input's anchor and ink as stored: a missing list of rectangles is an empty one, missing ink is none.</summary>
    public static (AnnotationAnchor Anchor, ImmutableArray<ImmutableArray<double>>? Ink) Stored(AnnotationInput input) =>
        (input.Anchor.Rects.IsDefault ? input.Anchor with { Rects = [] } : input.Anchor, input.Ink is { IsDefault: false } ? input.Ink : null);

    public static AnnotationView Placed(AnnotationView view, int version, AnchorPlacement placement, DateTimeOffset at) => view with
    {
        Version = version,
        Anchor = view.Anchor with { Page = placement.Page, Rects = [.. placement.Rects.Select(r => new AnnotationRect(r.X, r.Y, r.Width, r.Height))] },
        // Moved points keep the viewer's 4 decimals (a tenth of a pixel): the sums' floating-point tails would triple their size.
        Ink = placement.Ink is null ? view.Ink : [.. placement.Ink.Select(s => s.Select(v => Math.Round(v, 4)).ToImmutableArray())],
        NeedsAttention = false,
        UpdatedAt = at,
    };

    private static IReadOnlyList<PageRect> Rects(AnnotationAnchor? anchor) =>
        anchor is null || anchor.Rects.IsDefault ? [] : [.. anchor.Rects.Select(r => r is null ? null! : new PageRect(r.X, r.Y, r.Width, r.Height))];

    private static PageQuote? Quote(AnnotationAnchor? anchor) =>
        anchor?.Quote is { } q ? new PageQuote(q.Exact ?? "", q.Prefix ?? "", q.Suffix ?? "") : null;

    private static IReadOnlyList<IReadOnlyList<double>>? Ink(ImmutableArray<ImmutableArray<double>>? ink) =>
        ink is { IsDefault: false } strokes ? [.. strokes.Select(s => (IReadOnlyList<double>)(s.IsDefault ? [] : s))] : null;
}
