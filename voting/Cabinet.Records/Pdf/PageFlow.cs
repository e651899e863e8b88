using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cabinet.Records.Pdf;

/// <summary>
/// A minimal flowing layout on A4 pages with the margins of a Vietnamese administrative document
/// (top/bottom 2 cm, left 3 cm, right 2 cm): wrapped paragraphs, table rows and page breaks.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private const double Top = 57, Bottom = 57, Left = 85, Right = 57;
    private readonly PdfDocument _document;
    private XGraphics _graphics = null!;
    private PdfPage _page = null!;

    public PageFlow(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    public double Y { get; set; }

    public double Width => _page.Width.Point - Left - Right;

    public XGraphics Graphics => _graphics;

    public void Space(double points) => Y += points;

    public void EnsureRoom(double height)
    {
        if (Y + height > _page.Height.Point - Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Writes a wrapped paragraph; <paramref name="hanging"/> indents every line after the first.</summary>
    public void Paragraph(string text, XFont font, TextAlign align = TextAlign.Justify, double indent = 0, double hanging = 0, double after = 3)
    {
        var lineHeight = LineHeight(font);
        var first = true;
        var lines = LineBreaker.Wrap(_graphics, text, font, Width - indent - hanging);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureRoom(lineHeight);
            var x = Left + indent + (first ? 0 : hanging);
            var width = Width - indent - hanging;
            var justify = align == TextAlign.Justify && i < lines.Count - 1;
            DrawLine(lines[i], font, x, width, align == TextAlign.Center, justify);
            Y += lineHeight;
            first = false;
        }

        Y += after;
    }

    /// <summary>A row of cells, each wrapped to its width, with a thin grid; moves whole to the next page if needed.</summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<double> widths, XFont font, bool center = false)
    {
        const double Pad = 3;
        var lineHeight = LineHeight(font);
        var wrapped = cells.Select((c, i) => LineBreaker.Wrap(_graphics, c, font, widths[i] - 2 * Pad)).ToList();
        var height = wrapped.Max(w => w.Count) * lineHeight + 2 * Pad;
        EnsureRoom(height);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            _graphics.DrawRectangle(new XPen(XColors.Black, 0.5), x, Y, widths[i], height);
            for (var l = 0; l < wrapped[i].Count; l++)
            {
                var lineY = Y + Pad + l * lineHeight;
                var lineWidth = widths[i] - 2 * Pad;
                _graphics.DrawString(wrapped[i][l], font, XBrushes.Black, new XRect(x + Pad, lineY, lineWidth, lineHeight),
                    center ? XStringFormats.TopCenter : XStringFormats.TopLeft);
            }

            x += widths[i];
        }

        Y += height;
    }

    /// <summary>Centred text at an absolute column (header and signature block); does not move <see cref="Y"/>.</summary>
    public double CenteredAt(string text, XFont font, double columnLeft, double columnWidth, double y, bool underline = false)
    {
        var lines = LineBreaker.Wrap(_graphics, text, font, columnWidth);
        foreach (var line in lines)
        {
            var rect = new XRect(Left + columnLeft, y, columnWidth, LineHeight(font));
            _graphics.DrawString(line, font, XBrushes.Black, rect, XStringFormats.TopCenter);
            if (underline)
            {
                var w = _graphics.MeasureString(line, font).Width;
                var start = Left + columnLeft + (columnWidth - w) / 2;
                var lineY = y + font.Size * 1.15;
                _graphics.DrawLine(new XPen(XColors.Black, 0.6), start, lineY, start + w, lineY);
            }

            y += LineHeight(font);
        }

        return y;
    }

    public void Rule(double columnLeft, double columnWidth, double y, double length)
    {
        var start = Left + columnLeft + (columnWidth - length) / 2;
        _graphics.DrawLine(new XPen(XColors.Black, 0.6), start, y, start + length, y);
    }

    public static double LineHeight(XFont font) => font.Size * 1.35;

    public void Dispose() => _graphics.Dispose();

    private void DrawLine(string line, XFont font, double x, double width, bool center, bool justify)
    {
        var words = line.Split(' ');
        if (!justify || words.Length < 2)
        {
            var rect = new XRect(x, Y, width, LineHeight(font));
            _graphics.DrawString(line, font, XBrushes.Black, rect, center ? XStringFormats.TopCenter : XStringFormats.TopLeft);
            return;
        }

        var total = words.Sum(w => _graphics.MeasureString(w, font).Width);
        var gap = (width - total) / (words.Length - 1);
        foreach (var word in words)
        {
            _graphics.DrawString(word, font, XBrushes.Black, new XRect(x, Y, width, LineHeight(font)), XStringFormats.TopLeft);
            x += _graphics.MeasureString(word, font).Width + gap;
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        Y = Top;
    }
}
