using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Trust;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Archive;

/// <summary>
/// A detached CMS check over archive bytes. A corrupted signature can fail inside .NET's lazy decoding of the signer's
/// attributes, after <see cref="CmsDetachedSignature.Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, X509Certificate2?)"/>
/// has decoded it; that is an invalid signature too.
/// </summary>
internal static class DetachedSignatures
{
    public static CmsVerification Verify(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, X509Certificate2? root)
    {
        try
        {
            return CmsDetachedSignature.Verify(content, cms, root);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return CmsVerification.Invalid($"not a readable CMS signature ({e.Message})");
        }
    }

    /// <summary>The failure, naming the signer and, when its chain ends elsewhere, the unknown anchor with its fingerprint.</summary>
    public static string Explain(CmsVerification result, X509Certificate2? root)
    {
        var signer = result.Signer is null ? "" : $" (signer {CertificateNames.Describe(result.Signer)})";
        var anchor = result.Anchor is { } top && root is not null && !top.RawData.AsSpan().SequenceEqual(root.RawData)
            ? $"; its chain ends at an unknown anchor {CertificateNames.Describe(top)}, not at the trusted root {CertificateNames.Describe(root)}"
            : "";
        return $"{result.Failure}{signer}{anchor}";
    }
}
