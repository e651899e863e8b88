using Cabinet.Records.Pdf;
using SkiaSharp;

namespace Cabinet.Records.Minutes;

/// <summary>The minutes' type scale: body 13 pt as the administrative-document rules ask, header 12 pt, title 14 pt.</summary>
/// <remarks>
/// Only the regular and bold faces are vendored; italic (the date line, the "Tài liệu:" style labels) is the
/// regular face slanted. Fonts are unhinted with linear metrics so that the widths
/// measured for wrapping and justification are exactly the advances Skia writes into the PDF.
/// </remarks>
internal sealed class MinutesFonts : IDisposable
{
    private const float ItalicSkew = -0.21f; // about 12°, the slant of a typical serif italic

    public SKFont Body { get; } = Font(EmbeddedTypefaces.Regular, 13);

    public SKFont BodyBold { get; } = Font(EmbeddedTypefaces.Bold, 13);

    public SKFont Italic { get; } = Font(EmbeddedTypefaces.Regular, 13, ItalicSkew);

    public SKFont Header { get; } = Font(EmbeddedTypefaces.Regular, 12);

    public SKFont HeaderBold { get; } = Font(EmbeddedTypefaces.Bold, 12);

    public SKFont Title { get; } = Font(EmbeddedTypefaces.Bold, 14);

    public SKFont Table { get; } = Font(EmbeddedTypefaces.Regular, 11);

    public SKFont TableBold { get; } = Font(EmbeddedTypefaces.Bold, 11);

    public SKFont Small { get; } = Font(EmbeddedTypefaces.Regular, 9.5f);

    public void Dispose()
    {
        foreach (var font in new[] { Body, BodyBold, Italic, Header, HeaderBold, Title, Table, TableBold, Small })
        {
            font.Dispose();
        }
    }

    private static SKFont Font(SKTypeface typeface, float size, float skewX = 0) =>
        new(typeface, size, 1, skewX)
        {
            Hinting = SKFontHinting.None,
            Subpixel = true,
            LinearMetrics = true,
            Edging = SKFontEdging.Antialias,
        };
}
