using System.Collections.Immutable;

namespace Cabinet.Documents.Pdf;

/// <summary>A PDF that opened and whose every page was read.</summary>
public sealed record InspectedPdf(ImmutableArray<PdfPageText> Pages)
{
    public int PageCount => Pages.Length;
}
