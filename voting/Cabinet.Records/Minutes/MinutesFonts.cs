using SkiaSharp;

namespace Cabinet.Records.Minutes;

/// <summary>The minutes' type scale on two Noto Serif faces: body 13 pt as the administrative-document rules ask, header 12 pt, title 14 pt.</summary>
/// <remarks>
/// Only the regular and bold faces are vendored; italic (the date line, the "Tài liệu:" style labels) is the
/// regular face slanted. Fonts are unhinted with linear metrics so that the widths
/// measured for wrapping and justification are exactly the advances Skia writes into the PDF.
/// </remarks>
internal sealed class MinutesFonts : IDisposable
{
    private const float ItalicSkew = -0.21f; // about 12°, the slant of a typical serif italic

    public MinutesFonts(SKTypeface regular, SKTypeface bold)
    {
        Body = Font(regular, 13);
        BodyBold = Font(bold, 13);
        Italic = Font(regular, 13, ItalicSkew);
        Header = Font(regular, 12);
        HeaderBold = Font(bold, 12);
        Title = Font(bold, 14);
        Table = Font(regular, 11);
        TableBold = Font(bold, 11);
        Small = Font(regular, 9.5f);
    }

    public SKFont Body { get; }

    public SKFont BodyBold { get; }

    public SKFont Italic { get; }

    public SKFont Header { get; }

    public SKFont HeaderBold { get; }

    public SKFont Title { get; }

    public SKFont Table { get; }

    public SKFont TableBold { get; }

    public SKFont Small { get; }

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
