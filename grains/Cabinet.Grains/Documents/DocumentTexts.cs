using Cabinet.Documents.Pdf;

namespace Cabinet.Documents;

/// <summary>The text and glyph boxes of document versions, read from the blob store when re-anchoring needs them.</summary>
internal sealed class DocumentTexts(IDocumentBlobStore blobs, DocumentLimits limits)
{
    private readonly Dictionary<string, InspectedPdf> _read = new(StringComparer.Ordinal);

    public async Task<InspectedPdf?> ReadAsync(DocumentVersionView version)
    {
        if (_read.TryGetValue(version.Sha256, out var known))
        {
            return known;
        }

        await using var stream = await blobs.OpenAsync(version.Sha256);
        if (stream is null)
        {
            return null;
        }

        // In process, on a version already accepted: the structure scan still runs first, so PdfPig never parses a
        // file over the budgets (for instance one accepted before they existed).
        var inspected = PdfInspection.Inspect(stream, limits).Pdf;
        if (inspected is not null)
        {
            // Two versions are needed at a time; keep only a few so a long-lived grain does not hold many documents' glyphs.
            if (_read.Count >= 4)
            {
                _read.Clear();
            }

            _read[version.Sha256] = inspected;
        }

        return inspected;
    }
}
