using Cabinet.Documents.Annotations;
using Cabinet.Documents.Pdf;

namespace Cabinet.Documents.Anchoring;

/// <summary>
/// Moves an annotation from one version of a document to another. With a quote: to the page where the quote is
/// found (see <see cref="QuoteSearch"/>); a highlight gets the new glyphs' rectangles, a note or ink moves by as much
/// as its quote moved. Without a quote: to the same page number when that page's text is unchanged. Otherwise null:
/// the annotation stays where it is and needs attention — it is never dropped.
/// </summary>
public static class Reanchoring
{
    public static AnchorPlacement? Move(AnnotationShape shape, InspectedPdf from, InspectedPdf to)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return shape.Quote is { } quote ? ByQuote(shape, quote, from, to) : BySamePage(shape, from, to);
    }

    private static AnchorPlacement? ByQuote(AnnotationShape shape, PageQuote quote, InspectedPdf from, InspectedPdf to)
    {
        if (QuoteSearch.Find(quote, to, shape.Page) is not { } found)
        {
            return null;
        }

        var rects = GlyphRects.Of(to.Pages[found.Page - 1], found.Glyphs);
        if (shape.Kind == ShapeKind.Highlight)
        {
            return new AnchorPlacement(found.Page, rects, null);
        }

        var before = QuoteSearch.Find(quote, from, shape.Page, onlyPage: shape.Page) is { } old
            ? GlyphRects.Bounds(GlyphRects.Of(from.Pages[old.Page - 1], old.Glyphs))
            : null;
        var after = GlyphRects.Bounds(rects);
        double dx = before is null || after is null ? 0 : after.X - before.X, dy = before is null || after is null ? 0 : after.Y - before.Y;
        return new AnchorPlacement(
            found.Page,
            [.. shape.Rects.Select(r => r with { X = Math.Clamp(r.X + dx, 0, 1 - r.Width), Y = Math.Clamp(r.Y + dy, 0, 1 - r.Height) })],
            shape.Ink?.Select(s => (IReadOnlyList<double>)[.. s.Select((v, i) => Math.Clamp(v + (i % 2 == 0 ? dx : dy), 0, 1))]).ToArray());
    }

    private static AnchorPlacement? BySamePage(AnnotationShape shape, InspectedPdf from, InspectedPdf to)
    {
        if (shape.Page > from.PageCount || shape.Page > to.PageCount)
        {
            return null;
        }

        var same = CompactText.Of(from.Pages[shape.Page - 1]).Text == CompactText.Of(to.Pages[shape.Page - 1]).Text;
        return same ? new AnchorPlacement(shape.Page, shape.Rects, shape.Ink) : null;
    }
}
