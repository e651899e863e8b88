namespace Cabinet.Documents.Pdf;

/// <summary>The inspected file, or why it is refused.</summary>
public sealed record PdfInspectionResult(InspectedPdf? Pdf, DocumentError? Error)
{
    public bool Ok => Error is null;

    public static PdfInspectionResult Refused(DocumentError error) => new(null, error);
}
