using Cabinet.Documents;
using Cabinet.Documents.Pdf;

namespace Cabinet.Web.Isolation;

/// <summary>What <c>inspect-pdf</c> writes to stdout: the pages (glyphs only when asked for) or why the file is refused.</summary>
public sealed record PdfInspectionReport(int PageCount, IReadOnlyList<PdfPageText>? Pages, DocumentError? Error)
{
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}
