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
    public static CmsVerification Verify(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, ArchiveTrust trust)
    {
        try
        {
            return CmsDetachedSignature.Verify(content, cms, trust.Root, trust.TimestampRoots);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return CmsVerification.Invalid($"not a readable CMS signature ({e.Message})", "không đọc được chữ ký CMS");
        }
    }

    /// <summary>Why the signature failed, in the report's language.</summary>
    public static string? Failure(CmsVerification result) => result.Failure is null ? null : ReportLanguage.Say(result.FailureVi ?? result.Failure, result.Failure);

    /// <summary>The failure, naming the signer and, when its chain ends elsewhere, the unknown anchor with its fingerprint.</summary>
    public static string Explain(CmsVerification result, X509Certificate2? root)
    {
        var signer = result.Signer is null ? "" : ReportLanguage.Say($" (người ký {CertificateNames.Describe(result.Signer)})", $" (signer {CertificateNames.Describe(result.Signer)})");
        var anchor = result.Anchor is { } top && root is not null && !top.RawData.AsSpan().SequenceEqual(root.RawData)
            ? ReportLanguage.Say($"; chuỗi chứng thư dẫn tới mốc lạ {CertificateNames.Describe(top)}, không phải chứng thư gốc tin cậy {CertificateNames.Describe(root)}",
                $"; its chain ends at an unknown anchor {CertificateNames.Describe(top)}, not at the trusted root {CertificateNames.Describe(root)}")
            : "";
        return $"{Failure(result)}{signer}{anchor}";
    }
}
