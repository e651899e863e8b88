using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>Fetches the CRL a certificate names in its CRL distribution points (http only, bounded, first that answers).</summary>
public static class CrlDownloads
{
    private const int MaxCrlBytes = 1024 * 1024;

    public static async Task<byte[]?> FetchAsync(HttpClient http, X509Certificate2 certificate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(certificate);
        var extension = certificate.Extensions["2.5.29.31"];
        if (extension is null)
        {
            return null;
        }

        foreach (var uri in HttpUris(extension))
        {
            try
            {
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength is null or <= MaxCrlBytes)
                {
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    if (body.Length <= MaxCrlBytes)
                    {
                        return body;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // try the next distribution point
            }
        }

        return null;
    }

    /// <summary>The http URIs of a CRL distribution points extension (fullName uniformResourceIdentifier entries).</summary>
    private static IEnumerable<Uri> HttpUris(X509Extension extension)
    {
        var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER);
        var points = reader.ReadSequence();
        var uris = new List<Uri>();
        while (points.HasData)
        {
            var point = points.ReadSequence();
            if (!point.HasData || !point.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                continue;
            }

            var name = point.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
            if (!name.HasData || !name.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                continue;
            }

            var names = name.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
            while (names.HasData)
            {
                var tag = names.PeekTag();
                if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 6)))
                {
                    var text = names.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6));
                    if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    {
                        uris.Add(uri);
                    }
                }
                else
                {
                    names.ReadEncodedValue();
                }
            }
        }

        return uris;
    }
}
