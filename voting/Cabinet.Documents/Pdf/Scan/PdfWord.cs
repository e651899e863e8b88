namespace Cabinet.Documents.Pdf.Scan;

/// <summary>The names and keywords the structure scan reacts to; every other word is <see cref="Other"/>.</summary>
internal enum PdfWord
{
    Other,
    Type,
    Page,
    ObjStm,
    Length,
    Filter,
    FlateDecode,
    N,
    First,
    Kids,
    Obj,
    EndObj,
    R,
    Stream,
}
