using Cabinet.Documents.Annotations;
using Cabinet.Documents.Pdf;

namespace Cabinet.Documents.Anchoring;

/// <summary>Turns matched glyphs into highlight rectangles: one per line of text, as a selection looks.</summary>
internal static class GlyphRects
{
    public static IReadOnlyList<PageRect> Of(PdfPageText page, IReadOnlyList<int> glyphIndices)
    {
        var rects = new List<PageRect>();
        foreach (var g in glyphIndices.Select(i => page.Glyphs[i]).Where(g => g.Width > 0 || g.Height > 0))
        {
            var last = rects.Count > 0 ? rects[^1] : null;
            if (last is not null && SameLine(last, g))
            {
                double left = Math.Min(last.X, g.X), top = Math.Min(last.Y, g.Y);
                double right = Math.Max(last.X + last.Width, g.X + g.Width), bottom = Math.Max(last.Y + last.Height, g.Y + g.Height);
                rects[^1] = new PageRect(left, top, right - left, bottom - top);
            }
            else
            {
                rects.Add(new PageRect(g.X, g.Y, g.Width, g.Height));
            }
        }

        return rects;
    }

    public static PageRect? Bounds(IReadOnlyList<PageRect> rects)
    {
        if (rects.Count == 0)
        {
            return null;
        }

        double left = rects.Min(r => r.X), top = rects.Min(r => r.Y);
        return new PageRect(left, top, rects.Max(r => r.X + r.Width) - left, rects.Max(r => r.Y + r.Height) - top);
    }

    private static bool SameLine(PageRect line, PdfGlyph g)
    {
        double lineMiddle = line.Y + line.Height / 2, glyphMiddle = g.Y + g.Height / 2;
        return Math.Abs(lineMiddle - glyphMiddle) < Math.Max(line.Height, g.Height) / 2 && g.X >= line.X - g.Width;
    }
}
