using Cabinet.Documents.Pdf.Scan;

namespace Cabinet.Documents.Pdf;

/// <summary>
/// A cheap look at a PDF's raw bytes before any full parser sees it, refusing what would cost a parser more than
/// the budgets in <see cref="DocumentLimits"/>: one pass of a non-recursive tokenizer (strings, hex strings and
/// comments skipped) that holds nesting depth to its budget, counts page objects, inflates FlateDecode streams
/// through a counting buffer (object streams are scanned as they inflate), records /Kids and the references a
/// reader must follow first; then iterative walks refuse reference cycles and page-tree cycles. Everything runs
/// against <see cref="DocumentLimits.MaxInspectionSeconds"/>. Null when the file is within every budget.
/// </summary>
public static class PdfStructureScan
{
    public static DocumentError? Check(byte[] content, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        return new StructureScanRun(content, limits).Check();
    }
}
