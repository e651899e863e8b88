namespace Cabinet.Documents.Pdf.Scan;

internal enum PdfTokenKind
{
    /// <summary>A string, hex string, real number or over-long word: only its place in the sequence matters.</summary>
    Other,
    Integer,
    Name,
    Keyword,
    OpenDictionary,
    CloseDictionary,
    OpenArray,
    CloseArray,
}
