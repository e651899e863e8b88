namespace Cabinet.Documents.Pdf.Scan;

/// <summary>Recognises the words the scan reacts to, from their bytes.</summary>
internal static class PdfWords
{
    public static PdfWord Name(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("Type"u8) ? PdfWord.Type
        : word.SequenceEqual("Page"u8) ? PdfWord.Page
        : word.SequenceEqual("ObjStm"u8) ? PdfWord.ObjStm
        : word.SequenceEqual("Length"u8) ? PdfWord.Length
        : word.SequenceEqual("Filter"u8) ? PdfWord.Filter
        : word.SequenceEqual("FlateDecode"u8) || word.SequenceEqual("Fl"u8) ? PdfWord.FlateDecode
        : word.SequenceEqual("N"u8) ? PdfWord.N
        : word.SequenceEqual("First"u8) ? PdfWord.First
        : word.SequenceEqual("Kids"u8) ? PdfWord.Kids
        : PdfWord.Other;

    public static PdfWord Keyword(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("obj"u8) ? PdfWord.Obj
        : word.SequenceEqual("endobj"u8) ? PdfWord.EndObj
        : word.SequenceEqual("R"u8) ? PdfWord.R
        : word.SequenceEqual("stream"u8) ? PdfWord.Stream
        : PdfWord.Other;

    /// <summary>A non-negative integer of up to 18 digits (a sign or a dot makes it something else to the scan).</summary>
    public static long? Integer(ReadOnlySpan<byte> word)
    {
        if (word.IsEmpty || word.Length > 18)
        {
            return null;
        }

        long value = 0;
        foreach (var b in word)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return null;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }
}
