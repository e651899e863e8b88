using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Archive;

/// <summary>
/// A detached CMS check over archive bytes. A corrupted signature can fail inside .NET's lazy decoding of the signer's
/// attributes, after <see cref="CmsDetachedSignature.Verify"/> has decoded it; that is an invalid signature too.
/// </summary>
internal static class DetachedSignatures
{
    public static CmsVerification Verify(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, X509Certificate2 root)
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
}
