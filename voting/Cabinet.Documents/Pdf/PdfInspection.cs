using System.Collections.Immutable;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Cabinet.Documents.Pdf;

/// <summary>
/// Decides from the content, never the file name, whether a file is a PDF that opens: a <c>%PDF-</c> header in the
/// first 1024 bytes, then every page read with PdfPig (lenient parsing, as viewers repair small xref damage; the
/// empty user password, as viewers open such files). A file cut short (no end-of-file marker near its end) must
/// still give every page, or it is refused as damaged.
/// </summary>
public static class PdfInspection
{
    private const int HeaderWindow = 1024;
    private const int TrailerWindow = 2048;

    public static PdfInspectionResult Inspect(Stream content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek && content.Length > maxBytes)
        {
            return PdfInspectionResult.Refused(DocumentErrors.TooLarge(maxBytes));
        }

        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.Length > maxBytes ? PdfInspectionResult.Refused(DocumentErrors.TooLarge(maxBytes)) : Inspect(copy.ToArray(), maxBytes);
    }

    public static PdfInspectionResult Inspect(byte[] content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return PdfInspectionResult.Refused(DocumentErrors.Empty);
        }

        if (content.Length > maxBytes)
        {
            return PdfInspectionResult.Refused(DocumentErrors.TooLarge(maxBytes));
        }

        if (content.AsSpan(0, Math.Min(HeaderWindow, content.Length)).IndexOf("%PDF-"u8) < 0)
        {
            return PdfInspectionResult.Refused(DocumentErrors.NotPdf);
        }

        try
        {
            return Read(content);
        }
        catch (PdfDocumentEncryptedException)
        {
            return AttachmentOnlyEncryption.PagesReadableCopy(content) is { } readable ? ReadDecrypted(readable) : PdfInspectionResult.Refused(DocumentErrors.Encrypted);
        }
    }

    private static PdfInspectionResult ReadDecrypted(byte[] readable)
    {
        try
        {
            return Read(readable);
        }
        catch (PdfDocumentEncryptedException)
        {
            return PdfInspectionResult.Refused(DocumentErrors.Encrypted);
        }
    }

    private static PdfInspectionResult Read(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, Password = "" });
            var pages = ImmutableArray.CreateBuilder<PdfPageText>(document.NumberOfPages);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                pages.Add(Read(document.GetPage(number)));
            }

            if (pages.Count == 0 || (!HasTrailer(content) && pages.All(p => p.Glyphs.IsEmpty)))
            {
                return PdfInspectionResult.Refused(DocumentErrors.Damaged);
            }

            return new PdfInspectionResult(new InspectedPdf(pages.MoveToImmutable()), null);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw;
        }
#pragma warning disable CA1031 // Any parser failure on untrusted input means the file does not open: a refusal, not a fault.
        catch (Exception)
#pragma warning restore CA1031
        {
            return PdfInspectionResult.Refused(DocumentErrors.Damaged);
        }
    }

    /// <summary>A complete PDF ends with <c>startxref</c> … <c>%%EOF</c> (a few bytes of padding may follow).</summary>
    private static bool HasTrailer(byte[] content)
    {
        var tail = content.AsSpan(Math.Max(0, content.Length - TrailerWindow));
        return tail.IndexOf("%%EOF"u8) >= 0 && tail.IndexOf("startxref"u8) >= 0;
    }

    private static PdfPageText Read(Page page)
    {
        var box = page.CropBox.Bounds;
        double width = box.Width, height = box.Height;
        var glyphs = ImmutableArray.CreateBuilder<PdfGlyph>(page.Letters.Count);
        foreach (var letter in page.Letters)
        {
            var r = letter.BoundingBox;
            if (string.IsNullOrEmpty(letter.Value) || width <= 0 || height <= 0)
            {
                continue;
            }

            glyphs.Add(new PdfGlyph(
                Clean(letter.Value),
                Fraction((r.Left - box.Left) / width),
                Fraction((box.Top - r.Top) / height),
                Fraction(r.Width / width),
                Fraction(r.Height / height)));
        }

        return new PdfPageText(page.Number, glyphs.ToImmutable());
    }

    private static double Fraction(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;

    private static string Clean(string value) => value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
}
