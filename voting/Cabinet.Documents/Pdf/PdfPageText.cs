using System.Collections.Immutable;

namespace Cabinet.Documents.Pdf;

/// <summary>The letters of one page (1-based <see cref="Number"/>) in content order, and their text run together.</summary>
public sealed record PdfPageText(int Number, ImmutableArray<PdfGlyph> Glyphs)
{
    public string Text => string.Concat(Glyphs.Select(g => g.Value));
}
