using Cabinet.Records.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cabinet.Records.Minutes;

/// <summary>The minutes' type scale: body 13 pt as the administrative-document rules ask, header 12 pt, title 14 pt.</summary>
internal sealed class MinutesFonts
{
    private static readonly XPdfFontOptions _unicode = new(PdfFontEncoding.Unicode);

    public XFont Body { get; } = Font(13, XFontStyleEx.Regular);

    public XFont BodyBold { get; } = Font(13, XFontStyleEx.Bold);

    public XFont Italic { get; } = Font(13, XFontStyleEx.Italic);

    public XFont Header { get; } = Font(12, XFontStyleEx.Regular);

    public XFont HeaderBold { get; } = Font(12, XFontStyleEx.Bold);

    public XFont Title { get; } = Font(14, XFontStyleEx.Bold);

    public XFont Table { get; } = Font(11, XFontStyleEx.Regular);

    public XFont TableBold { get; } = Font(11, XFontStyleEx.Bold);

    public XFont Small { get; } = Font(9.5, XFontStyleEx.Regular);

    private static XFont Font(double size, XFontStyleEx style) => new(EmbeddedFontResolver.FamilyName, size, style, _unicode);
}
