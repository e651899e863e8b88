namespace Cabinet.Documents.Pdf;

/// <summary>One letter of a page and its box in page fractions (0..1, origin top-left of the unrotated page).</summary>
public sealed record PdfGlyph(string Value, double X, double Y, double Width, double Height);
