using System.Collections.Immutable;
using Cabinet.Documents.Pdf;

namespace Cabinet.Documents.Tests;

/// <summary>
/// Builds inspected PDFs from lines of text without a PDF: each line of a page sits at its own height and each
/// letter is 1/100 of the page wide, so a glyph's box is known exactly.
/// </summary>
internal static class TextPages
{
    public const double LetterWidth = 0.01;
    public const double LineHeight = 0.02;

    public static InspectedPdf Document(params string[][] pages) => new([.. pages.Select((lines, i) => Page(i + 1, lines))]);

    public static PdfPageText Page(int number, params string[] lines)
    {
        var glyphs = ImmutableArray.CreateBuilder<PdfGlyph>();
        for (var line = 0; line < lines.Length; line++)
        {
            for (var at = 0; at < lines[line].Length; at++)
            {
                glyphs.Add(new PdfGlyph(lines[line][at].ToString(), 0.05 + at * LetterWidth, 0.1 + line * 0.05, LetterWidth, LineHeight));
            }
        }

        return new PdfPageText(number, glyphs.ToImmutable());
    }
}
