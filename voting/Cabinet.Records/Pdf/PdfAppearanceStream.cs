using System.Text;
using SkiaSharp;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Writes a signature's appearance (/AP /N) into an incremental update: a form XObject drawing the frame, the text in
/// the embedded Noto Serif (a TrueType subset as a CID font, glyph IDs as Identity-H codes) and the seal mark.
/// Everything is ASCII (hex for the font file), as the update is.
/// </summary>
internal static class PdfAppearanceStream
{
    private const float Pad = 3, LineSpacing = 1.3f, MaxFontSize = 8.5f;

    public static PdfReference Write(PdfIncrementalUpdate update, PdfSignatureAppearance appearance)
    {
        var face = EmbeddedTypefaces.Regular;
        var lines = appearance.Lines.Select(l => l.Normalize(NormalizationForm.FormC)).ToList();
        using var unit = new SKFont(face.Typeface, 1000);
        var textWidth = appearance.Width - 2 * Pad - (appearance.Seal ? appearance.Height * 0.6f : 0);
        var widest = lines.Select(l => unit.MeasureText(l)).DefaultIfEmpty(1).Max() / 1000;
        var size = Math.Min(MaxFontSize, Math.Min(textWidth / Math.Max(widest, 1e-3f), (appearance.Height - 2 * Pad) / (lines.Count * LineSpacing)));

        var content = new StringBuilder("q\n");
        var (r, g, b) = appearance.Seal ? (0.8f, 0.05f, 0.05f) : (0.05f, 0.2f, 0.55f);
        content.Append(Invariant($"{r} {g} {b} RG 0.8 w 0.4 0.4 {appearance.Width - 0.8f} {appearance.Height - 0.8f} re S\n"));
        if (appearance.Seal)
        {
            var radius = appearance.Height * 0.28f;
            Circle(content, appearance.Width - Pad - radius - 1, appearance.Height / 2, radius, 1.4f);
            Circle(content, appearance.Width - Pad - radius - 1, appearance.Height / 2, radius * 0.72f, 0.6f);
        }

        var glyphs = new Dictionary<ushort, int>();
        content.Append(Invariant($"BT {r} {g} {b} rg /F1 {size} Tf\n"));
        var top = appearance.Height / 2 + lines.Count * size * LineSpacing / 2;
        for (var i = 0; i < lines.Count; i++)
        {
            var ids = PdfEmbeddedFont.Glyphs(face, lines[i], glyphs);
            var baseline = top - (i + 1) * size * LineSpacing + size * 0.3f;
            content.Append(Invariant($"1 0 0 1 {Pad + 1} {baseline} Tm <"))
                .Append(PdfEmbeddedFont.Hex(ids)).Append("> Tj\n");
        }

        content.Append("ET\nQ\n");
        var font = PdfEmbeddedFont.Write(update, face, unit, glyphs);
        var form = update.Allocate();
        var text = content.ToString();
        update.Write(form, Invariant($"<</Type /XObject /Subtype /Form /BBox [0 0 {appearance.Width} {appearance.Height}] ")
            + $"/Resources <</Font <</F1 {font}>>>> /Length {text.Length}>>\nstream\n{text}endstream");
        return form;
    }

    /// <summary>A circle from four Bézier arcs.</summary>
    private static void Circle(StringBuilder content, float x, float y, float radius, float width)
    {
        var k = radius * 0.5523f;
        content.Append(Invariant($"{width} w {x + radius} {y} m "))
            .Append(Invariant($"{x + radius} {y + k} {x + k} {y + radius} {x} {y + radius} c "))
            .Append(Invariant($"{x - k} {y + radius} {x - radius} {y + k} {x - radius} {y} c "))
            .Append(Invariant($"{x - radius} {y - k} {x - k} {y - radius} {x} {y - radius} c "))
            .Append(Invariant($"{x + k} {y - radius} {x + radius} {y - k} {x + radius} {y} c S\n"));
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
