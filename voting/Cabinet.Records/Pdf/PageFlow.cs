using System.Text;
using SkiaSharp;

namespace Cabinet.Records.Pdf;

/// <summary>
/// A minimal flowing layout on A4 pages with the margins of a Vietnamese administrative document
/// (top/bottom 2 cm, left 3 cm, right 2 cm): wrapped paragraphs, table rows and page breaks.
/// </summary>
/// <remarks>
/// Coordinates are PDF points from the page's top-left corner. Each page is recorded as an <see cref="SKPicture"/>
/// rather than drawn straight into the PDF, because a PDF page cannot be reopened once ended and the footer
/// ("Trang 1/3") needs the page count: <see cref="Finish"/> hands the recorded pages to the writer.
/// </remarks>
internal sealed class PageFlow : IDisposable
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f; // ISO A4, 210 × 297 mm
    private const float Top = 57, Bottom = 57, Left = 85, Right = 57;
    private readonly List<SKPicture> _pages = [];
    private readonly HashSet<char> _characters = [];
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
    private SKPictureRecorder? _recorder;
    private SKCanvas _canvas = null!;

    public PageFlow() => NewPage();

    public float Y { get; set; }

    /// <summary>Every character drawn so far, for cutting the fonts down to what the document uses.</summary>
    public string Characters => new([.. _characters]);

    public static float Width => PageWidth - Left - Right;

    public static float LeftMargin => Left;

    public void Space(float points) => Y += points;

    public void EnsureRoom(float height)
    {
        if (Y + height > PageHeight - Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Writes a wrapped paragraph; <paramref name="hanging"/> indents every line after the first.</summary>
    public void Paragraph(string text, SKFont font, TextAlign align = TextAlign.Justify, float indent = 0, float hanging = 0, float after = 3)
    {
        var lineHeight = LineHeight(font);
        var width = Width - indent - hanging;
        var lines = LineBreaker.Wrap(text, font, width);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureRoom(lineHeight);
            var x = Left + indent + (i == 0 ? 0 : hanging);
            var justify = align == TextAlign.Justify && i < lines.Count - 1;
            DrawLine(lines[i], font, x, width, align == TextAlign.Center, justify);
            Y += lineHeight;
        }

        Y += after;
    }

    /// <summary>A row of cells, each wrapped to its width, with a thin grid; moves whole to the next page if needed.</summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<float> widths, SKFont font, bool center = false)
    {
        const float Pad = 3;
        var lineHeight = LineHeight(font);
        var wrapped = cells.Select((c, i) => LineBreaker.Wrap(c, font, widths[i] - 2 * Pad)).ToList();
        var height = wrapped.Max(w => w.Count) * lineHeight + 2 * Pad;
        EnsureRoom(height);
        using var pen = Pen(0.5f);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            _canvas.DrawRect(x, Y, widths[i], height, pen);
            for (var l = 0; l < wrapped[i].Count; l++)
            {
                Text(wrapped[i][l], font, x + Pad, widths[i] - 2 * Pad, Y + Pad + l * lineHeight, center);
            }

            x += widths[i];
        }

        Y += height;
    }

    /// <summary>Centred text at an absolute column (header and signature block); does not move <see cref="Y"/>.</summary>
    /// <returns>The top of the line after the text.</returns>
    public float CenteredAt(string text, SKFont font, float columnLeft, float columnWidth, float y, bool underline = false)
    {
        foreach (var line in LineBreaker.Wrap(text, font, columnWidth))
        {
            Text(line, font, Left + columnLeft, columnWidth, y, center: true);
            if (underline)
            {
                var w = LineBreaker.Measure(line, font);
                var start = Left + columnLeft + (columnWidth - w) / 2;
                var lineY = y + font.Size * 1.15f;
                using var pen = Pen(0.6f);
                _canvas.DrawLine(start, lineY, start + w, lineY, pen);
            }

            y += LineHeight(font);
        }

        return y;
    }

    public void Rule(float columnLeft, float columnWidth, float y, float length)
    {
        var start = Left + columnLeft + (columnWidth - length) / 2;
        using var pen = Pen(0.6f);
        _canvas.DrawLine(start, y, start + length, y, pen);
    }

    public static float LineHeight(SKFont font) => font.Size * 1.35f;

    /// <summary>Ends the last page and returns every page in order; the flow owns them until it is disposed.</summary>
    public IReadOnlyList<SKPicture> Finish()
    {
        EndPage();
        return _pages;
    }

    /// <summary>One line of text whose line box starts at <paramref name="top"/> (the baseline sits one ascent lower).</summary>
    /// <remarks>Text is drawn glyph for glyph from the font's cmap (no shaping), so it must be precomposed (NFC).</remarks>
    public static void DrawText(SKCanvas canvas, string text, SKFont font, SKPaint paint, float x, float top) =>
        canvas.DrawText(text.Normalize(NormalizationForm.FormC), x, top - font.Metrics.Ascent, SKTextAlign.Left, font, paint);

    public void Dispose()
    {
        _recorder?.Dispose();
        foreach (var page in _pages)
        {
            page.Dispose();
        }

        _ink.Dispose();
    }

    private void Text(string line, SKFont font, float x, float width, float top, bool center)
    {
        var left = center ? x + (width - LineBreaker.Measure(line, font)) / 2 : x;
        Draw(line, font, left, top);
    }

    private void DrawLine(string line, SKFont font, float x, float width, bool center, bool justify)
    {
        var words = line.Split(' ');
        if (!justify || words.Length < 2)
        {
            Text(line, font, x, width, Y, center);
            return;
        }

        var advances = words.Select(w => LineBreaker.Measure(w, font)).ToArray();
        var gap = (width - advances.Sum()) / (words.Length - 1);
        for (var i = 0; i < words.Length; i++)
        {
            Draw(words[i], font, x, Y);
            x += advances[i] + gap;
        }
    }

    private void Draw(string text, SKFont font, float x, float top)
    {
        _characters.UnionWith(text.Normalize(NormalizationForm.FormC));
        DrawText(_canvas, text, font, _ink, x, top);
    }

    private static SKPaint Pen(float width) =>
        new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    private void NewPage()
    {
        EndPage();
        _recorder = new SKPictureRecorder();
        _canvas = _recorder.BeginRecording(new SKRect(0, 0, PageWidth, PageHeight));
        Y = Top;
    }

    private void EndPage()
    {
        if (_recorder is { } recorder)
        {
            _pages.Add(recorder.EndRecording());
            recorder.Dispose();
            _recorder = null;
        }
    }
}
