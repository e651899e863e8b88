using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Adds the Document Security Store (ETSI EN 319 142-1 §5.4, PAdES-B-LT) as an incremental update: the catalog's
/// /DSS lists every certificate of the signers' and the TSA's chains and the CRLs current now, so a verifier years
/// later needs neither the CAs' servers nor their CRLs still online. Entries already in a DSS are kept.
/// </summary>
public static class PdfValidationData
{
    private const int MaxSignatures = 32;

    /// <summary>
    /// The DSS for the signatures already in <paramref name="pdf"/>: every certificate their CMS carry (signature
    /// timestamps' TSA chains included) and, from <paramref name="crlFor"/>, the CRL covering each of them that has one.
    /// </summary>
    public static async Task<byte[]> AddAsync(byte[] pdf, Func<X509Certificate2, CancellationToken, Task<byte[]?>> crlFor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(crlFor);
        var certificates = new List<X509Certificate2>();
        foreach (var cms in SignatureContents(PdfFile.Open(pdf)))
        {
            certificates.AddRange(CertificatesIn(cms));
        }

        var distinct = certificates.DistinctBy(c => c.Thumbprint).ToList();
        var crls = new List<byte[]>();
        foreach (var certificate in distinct.Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) is false))
        {
            if (await crlFor(certificate, cancellationToken).ConfigureAwait(false) is { } crl)
            {
                crls.Add(crl);
            }
        }

        return Add(pdf, distinct.Select(c => c.RawData), crls);
    }

    public static byte[] Add(byte[] pdf, IEnumerable<byte[]> certificates, IEnumerable<byte[]> crls)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(crls);
        var file = PdfFile.Open(pdf);
        var update = new PdfIncrementalUpdate(file, pdf);
        var catalog = file.GetDictionary(file.RootReference);
        var existing = catalog["DSS"] is { } dssValue ? file.GetDictionary(dssValue) : new PdfDictionary([]);
        var dss = existing
            .With("Certs", Streams(file, update, existing["Certs"], certificates))
            .With("CRLs", Streams(file, update, existing["CRLs"], crls));
        if (catalog["DSS"] is PdfReference dssReference)
        {
            update.Write(dssReference, dss);
        }
        else
        {
            var reference = update.Allocate();
            update.Write(reference, dss);
            update.Write(file.RootReference, catalog.With("DSS", reference));
        }

        return [.. pdf, .. update.Finish()];
    }

    /// <summary>The /Contents of the signatures the AcroForm lists (Cabinet's fields are flat, as it writes them).</summary>
    private static IEnumerable<byte[]> SignatureContents(PdfFile file)
    {
        var catalog = file.GetDictionary(file.RootReference);
        var form = catalog["AcroForm"] is { } f ? file.GetDictionary(f) : new PdfDictionary([]);
        var fields = file.Resolve(form["Fields"]) as PdfArray ?? new PdfArray([]);
        return fields.Items.Take(MaxSignatures)
            .Select(field => file.Resolve(field) is PdfDictionary d && file.Resolve(d["V"]) is PdfDictionary v && v["Contents"] is PdfBytes c ? c.Value : null)
            .OfType<byte[]>();
    }

    private static IEnumerable<X509Certificate2> CertificatesIn(byte[] contents)
    {
        var cms = new SignedCms();
        AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var length); // drops the zero padding
        cms.Decode(contents.AsSpan(0, length));
        foreach (var certificate in cms.Certificates)
        {
            yield return certificate;
        }

        foreach (var signer in cms.SignerInfos)
        {
            var tokens = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
                .Where(a => a.Oid.Value == SignatureTimestamps.Oid).SelectMany(a => a.Values.Cast<AsnEncodedData>());
            foreach (var token in tokens)
            {
                var timestamp = new SignedCms();
                timestamp.Decode(token.RawData);
                foreach (var certificate in timestamp.Certificates)
                {
                    yield return certificate;
                }
            }
        }
    }

    /// <summary>The existing array plus one stream per new, distinct item (hex-encoded: the update is text).</summary>
    private static PdfArray Streams(PdfFile file, PdfIncrementalUpdate update, PdfValue? existing, IEnumerable<byte[]> items)
    {
        var list = file.Resolve(existing) as PdfArray ?? new PdfArray([]);
        var result = new List<PdfValue>(list.Items);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => seen.Add(Convert.ToBase64String(i))))
        {
            var reference = update.Allocate();
            var hex = Convert.ToHexString(item);
            update.Write(reference, new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<</Length {hex.Length + 1} /Filter /ASCIIHexDecode>>\nstream\n")
                .Append(hex).Append(">\nendstream").ToString());
            result.Add(reference);
        }

        return new PdfArray(result);
    }
}
