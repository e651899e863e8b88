using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Adds a PAdES baseline signature (/SubFilter /ETSI.CAdES.detached) to a PDF as an incremental update, so every
/// earlier signature stays valid: the secretary signs the minutes, then the clerk adds the organisation's seal.
/// </summary>
public static class PdfSigner
{
    private const string ByteRangePlaceholder = "[0 ********** ********** **********]";

    public static async Task<byte[]> SignAsync(byte[] pdf, IDocumentSigner signer, PdfSignatureRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var prepared = Prepare(pdf, request, signer.Certificate);
        var cms = await signer.SignAsync(prepared.SignedBytes(), CmsProfile.Pades, cancellationToken).ConfigureAwait(false);
        return Complete(prepared, cms);
    }

    /// <summary>
    /// First half of a signature whose CMS is made elsewhere (a person's device, a token, a remote service): the PDF with
    /// the signature field and a zeroed /Contents; sign <see cref="PreparedPdfSignature.SignedBytes"/>, then
    /// <see cref="Complete"/>.
    /// </summary>
    public static PreparedPdfSignature Prepare(byte[] pdf, PdfSignatureRequest request, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(certificate);
        return Prepare(pdf, request, SignatureDictionary(certificate, request));
    }

    /// <summary>
    /// The last revision of a PAdES-B-LTA file: a document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161)
    /// whose /Contents is the TSA's token over the byte range, vouching for everything before it, DSS included.
    /// </summary>
    public static async Task<byte[]> TimestampAsync(byte[] pdf, TimestampClient authority, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(authority);
        var request = new PdfSignatureRequest("") { FieldName = null, ContentsSize = 12 * 1024 };
        var prepared = Prepare(pdf, request, DocumentTimestampDictionary(request));
        var token = await authority.StampHashAsync(SHA256.HashData(prepared.SignedBytes()), cancellationToken).ConfigureAwait(false);
        return Complete(prepared, token.AsSignedCms().Encode());
    }

    private static PreparedPdfSignature Prepare(byte[] pdf, PdfSignatureRequest request, string signatureDictionary)
    {
        var file = PdfFile.Open(pdf);
        var update = new PdfIncrementalUpdate(file, pdf);
        var signature = update.Allocate();
        var field = update.Allocate();
        var page = file.PageReferences()[^1]; // the signature block is on the last page
        var existingNames = AddFieldToForm(file, update, field);

        var fieldName = request.FieldName ?? Enumerable.Range(1, 1000).Select(i => $"Signature{i}").First(n => !existingNames.Contains(n));
        var widget = new PdfDictionary([
            new("Type", new PdfName("Annot")), new("Subtype", new PdfName("Widget")), new("FT", new PdfName("Sig")),
            new("Rect", Rect(request.Appearance)),
            new("F", new PdfAtom("132")), // print + locked: a signature that cannot be moved
            new("T", PdfBytes.Text(fieldName)), new("V", signature), new("P", page),
        ]);
        if (request.Appearance is { } appearance)
        {
            widget = widget.With("AP", new PdfDictionary([new("N", PdfAppearanceStream.Write(update, appearance))]));
        }

        update.Write(field, widget);
        var pageDictionary = file.GetDictionary(page);
        var annotations = file.Resolve(pageDictionary["Annots"]) as PdfArray ?? new PdfArray([]);
        update.Write(page, pageDictionary.With("Annots", new PdfArray([.. annotations.Items, field])));
        update.Write(signature, signatureDictionary);

        var output = pdf.Concat(update.Finish()).ToArray();
        var signatureStart = pdf.Length + update.OffsetInUpdate(signature);
        var byteRangeAt = IndexOf(output, "/ByteRange " + ByteRangePlaceholder, signatureStart) + "/ByteRange ".Length;
        var contentsStart = IndexOf(output, "/Contents <", signatureStart) + "/Contents ".Length;
        var contentsEnd = contentsStart + 2 + 2 * request.ContentsSize;
        var byteRange = string.Create(CultureInfo.InvariantCulture, $"[0 {contentsStart} {contentsEnd} {output.Length - contentsEnd}]");
        Encoding.ASCII.GetBytes(byteRange.PadRight(ByteRangePlaceholder.Length)).CopyTo(output, byteRangeAt);
        return new PreparedPdfSignature(output, contentsStart, request.ContentsSize);
    }

    /// <summary>Second half: writes the CMS (made over the prepared signed bytes) into the reserved /Contents.</summary>
    public static byte[] Complete(PreparedPdfSignature prepared, byte[] cms)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(cms);
        if (cms.Length > prepared.ContentsSize)
        {
            throw new InvalidOperationException($"The CMS signature ({cms.Length} bytes) does not fit the {prepared.ContentsSize} bytes reserved.");
        }

        var output = prepared.Pdf.ToArray();
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(output, prepared.ContentsStart + 1);
        return output;
    }

    /// <summary>Adds the field to the AcroForm (creating it if needed) with /SigFlags 3; returns the names already taken.</summary>
    private static HashSet<string> AddFieldToForm(PdfFile file, PdfIncrementalUpdate update, PdfReference field)
    {
        var catalog = file.GetDictionary(file.RootReference);
        var existing = catalog["AcroForm"];
        var form = existing is null ? new PdfDictionary([]) : file.GetDictionary(existing);
        var fields = file.Resolve(form["Fields"]) as PdfArray ?? new PdfArray([]);
        var names = fields.Items.Select(f => file.Resolve(f) is PdfDictionary d && d["T"] is PdfBytes t ? PdfText.Decode(t.Value) : "")
            .ToHashSet(StringComparer.Ordinal);
        var updated = form.With("Fields", new PdfArray([.. fields.Items, field])).With("SigFlags", new PdfAtom("3"));
        if (existing is PdfReference formReference)
        {
            update.Write(formReference, updated);
        }
        else
        {
            var formReference2 = update.Allocate();
            update.Write(formReference2, updated);
            update.Write(file.RootReference, catalog.With("AcroForm", formReference2));
        }

        return names;
    }

    private static string SignatureDictionary(X509Certificate2 certificate, PdfSignatureRequest request)
    {
        var when = request.SigningTime ?? DateTimeOffset.Now;
        var name = request.SignerName ?? certificate.GetNameInfo(X509NameType.SimpleName, false);
        var text = new StringBuilder("<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached")
            .Append(" /ByteRange ").Append(ByteRangePlaceholder)
            .Append(" /Contents <").Append('0', 2 * request.ContentsSize).Append('>')
            .Append(" /M ").Append(new PdfBytes(Encoding.ASCII.GetBytes(PdfText.Date(when))))
            .Append(" /Name ").Append(PdfBytes.Text(name))
            .Append(" /Reason ").Append(PdfBytes.Text(request.Reason));
        if (request.Location is { } location)
        {
            text.Append(" /Location ").Append(PdfBytes.Text(location));
        }

        return text.Append(">>").ToString();
    }

    private static PdfArray Rect(PdfSignatureAppearance? appearance) => new([.. (appearance is null
        ? [0f, 0f, 0f, 0f]
        : new[] { appearance.Left, appearance.Bottom, appearance.Right, appearance.Top }).Select(v => new PdfAtom(v.ToString("0.##", CultureInfo.InvariantCulture)))]);

    private static string DocumentTimestampDictionary(PdfSignatureRequest request) =>
        new StringBuilder("<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161")
            .Append(" /ByteRange ").Append(ByteRangePlaceholder)
            .Append(" /Contents <").Append('0', 2 * request.ContentsSize).Append(">>>").ToString();

    private static int IndexOf(byte[] data, string marker, int from)
    {
        var at = data.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(marker));
        return at < 0 ? throw new InvalidOperationException($"'{marker}' is missing from the update.") : from + at;
    }
}
