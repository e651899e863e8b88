using System.Collections.Immutable;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Cabinet.Documents.Pdf;

/// <summary>
/// Decides from the content, never the file name, whether a file is a PDF that opens: a <c>%PDF-</c> header in the
/// first 1024 bytes, the budgets of <see cref="PdfStructureScan"/>, then every page read with PdfPig (lenient parsing,
/// as viewers repair small xref damage; the empty user password, as viewers open such files). A file cut short (no
/// end-of-file marker near its end) must still give every page, or it is refused as damaged.
/// The server runs <see cref="Screen"/> itself and <see cref="ReadPages"/> in a child process (inspect-pdf).
/// </summary>
public static class PdfInspection
{
    private const int HeaderWindow = 1024;
    private const int TrailerWindow = 2048;

    public static PdfInspectionResult Inspect(Stream content, long maxBytes) => Inspect(content, new DocumentLimits { MaxFileBytes = maxBytes });

    public static PdfInspectionResult Inspect(Stream content, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.CanSeek && content.Length > limits.MaxFileBytes)
        {
            return PdfInspectionResult.Refused(DocumentErrors.TooLarge(limits.MaxFileBytes));
        }

        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.Length > limits.MaxFileBytes ? PdfInspectionResult.Refused(DocumentErrors.TooLarge(limits.MaxFileBytes)) : Inspect(copy.ToArray(), limits);
    }

    public static PdfInspectionResult Inspect(byte[] content, long maxBytes) => Inspect(content, new DocumentLimits { MaxFileBytes = maxBytes });

    /// <summary>The cheap checks, then the pages in this process.</summary>
    public static PdfInspectionResult Inspect(byte[] content, DocumentLimits limits) =>
        Screen(content, limits) is { } refused ? PdfInspectionResult.Refused(refused) : ReadPages(content, limits);

    /// <summary>Everything decided without a full parser: size, header, structure budgets. Null when the file passes.</summary>
    public static DocumentError? Screen(byte[] content, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.Length == 0)
        {
            return DocumentErrors.Empty;
        }

        if (content.Length > limits.MaxFileBytes)
        {
            return DocumentErrors.TooLarge(limits.MaxFileBytes);
        }

        return content.AsSpan(0, Math.Min(HeaderWindow, content.Length)).IndexOf("%PDF-"u8) < 0
            ? DocumentErrors.NotPdf
            : PdfStructureScan.Check(content, limits);
    }

    /// <summary>Every page read with PdfPig; meant for content that passed <see cref="Screen"/>.</summary>
    public static PdfInspectionResult ReadPages(byte[] content, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            return Read(content, limits);
        }
        catch (PdfDocumentEncryptedException)
        {
            return AttachmentOnlyEncryption.PagesReadableCopy(content) is { } readable ? ReadDecrypted(readable, limits) : PdfInspectionResult.Refused(DocumentErrors.Encrypted);
        }
        catch (OutOfMemoryException)
        {
            return PdfInspectionResult.Refused(DocumentErrors.TooMuchMemory(limits.MaxInspectionMemoryBytes));
        }
    }

    private static PdfInspectionResult ReadDecrypted(byte[] readable, DocumentLimits limits)
    {
        try
        {
            return Read(readable, limits);
        }
        catch (PdfDocumentEncryptedException)
        {
            return PdfInspectionResult.Refused(DocumentErrors.Encrypted);
        }
    }

    private static PdfInspectionResult Read(byte[] content, DocumentLimits limits)
    {
        var deadline = Environment.TickCount64 + (limits.MaxInspectionSeconds * 1000L);
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, Password = "" });
            if (document.NumberOfPages > limits.MaxPages)
            {
                return PdfInspectionResult.Refused(DocumentErrors.TooManyPages(limits.MaxPages));
            }

            var pages = ImmutableArray.CreateBuilder<PdfPageText>(document.NumberOfPages);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (Environment.TickCount64 > deadline)
                {
                    return PdfInspectionResult.Refused(DocumentErrors.TooSlow(limits.MaxInspectionSeconds));
                }

                pages.Add(Read(document.GetPage(number)));
            }

            if (pages.Count == 0 || (!HasTrailer(content) && pages.All(p => p.Glyphs.IsEmpty)))
            {
                return PdfInspectionResult.Refused(DocumentErrors.Damaged);
            }

            return new PdfInspectionResult(new InspectedPdf(pages.MoveToImmutable()), null);
        }
        catch (Exception e) when (e is PdfDocumentEncryptedException or OutOfMemoryException)
        {
            throw;
        }
#pragma warning disable CA1031 // Any parser failure on untrusted input means the file does not open: a refusal, not a fault.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Under a heap limit the parser's own wrappers can carry the out-of-memory as an inner exception.
            return PdfInspectionResult.Refused(e.GetBaseException() is OutOfMemoryException ? DocumentErrors.TooMuchMemory(limits.MaxInspectionMemoryBytes) : DocumentErrors.Damaged);
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
