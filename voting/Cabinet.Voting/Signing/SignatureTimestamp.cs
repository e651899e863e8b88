using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// An RFC 3161 timestamp carried as the unsigned attribute id-aa-signatureTimeStampToken: it proves the signature
/// existed at its time, so certificates are judged then. It counts only when its imprint is this signature's value and
/// its authority chains to the same trusted root: a timestamp anyone can make would let an expired certificate sign,
/// so one from another authority is not counted (the signature is judged at verification time instead).
/// </summary>
internal static class SignatureTimestamp
{
    public const string AttributeOid = "1.2.840.113549.1.9.16.2.14";

    /// <returns>The timestamp's time (null when there is none, or none that counts), its authority, or why it is refused.</returns>
    public static (DateTimeOffset? Time, X509Certificate2? Authority, string? Failure) Read(SignerInfo info, X509Certificate2? root)
    {
        var attribute = info.UnsignedAttributes.Cast<CryptographicAttributeObject>().FirstOrDefault(a => a.Oid.Value == AttributeOid);
        if (attribute is null || attribute.Values.Count == 0)
        {
            return (null, null, null);
        }

        if (!Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _) || token is null
            || !token.VerifySignatureForSignerInfo(info, out var authority) || authority is null)
        {
            return (null, null, "its signature timestamp (RFC 3161) does not match the signature or is not a valid token");
        }

        var at = token.TokenInfo.Timestamp;
        if (root is null)
        {
            return (at, authority, null);
        }

        // A timestamp from an authority outside the trusted root proves nothing here, but it is no forgery either (a
        // licensed TSA has its own root): it is not counted, so the certificates are judged now, as without one.
        var (_, failure) = CmsDetachedSignature.TopOfChain(authority, token.AsSignedCms().Certificates, root, at);
        return failure is null ? (at, authority, null) : (null, authority, null);
    }
}
