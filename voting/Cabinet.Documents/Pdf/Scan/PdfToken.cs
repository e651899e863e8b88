namespace Cabinet.Documents.Pdf.Scan;

/// <summary>One token; <see cref="End"/> is the offset just past it (the delimiter that ended it is not consumed).</summary>
internal readonly record struct PdfToken(PdfTokenKind Kind, PdfWord Word, long Integer, long End)
{
    public bool Is(PdfTokenKind kind, PdfWord word) => Kind == kind && Word == word;
}
