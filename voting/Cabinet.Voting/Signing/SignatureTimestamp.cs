using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// An RFC 3161 timestamp carried as the unsigned attribute id-aa-signatureTimeStampToken: it proves the signature
/// existed at its time, so certificates are judged then. It counts only when its imprint is this signature's value and
/// its authority chains to the same trusted root or to one of the timestamp authorities' roots the verifier was given:
/// a timestamp anyone can make would let an expired certificate sign, so one from another authority is not counted
/// (the signature is judged at verification time instead).
/// </summary>
internal static class SignatureTimestamp
{
    public const string AttributeOid = "1.2.840.113549.1.9.16.2.14";

    /// <returns>
    /// The timestamp's time (null when there is none, or none that counts), its authority, the root it counted under,
    /// or why it is refused (English and Vietnamese).
    /// </returns>
    public static (DateTimeOffset? Time, X509Certificate2? Authority, X509Certificate2? Root, (string En, string Vi)? Failure) Read(
        SignerInfo info, X509Certificate2? root, IReadOnlyCollection<X509Certificate2> timestampRoots)
    {
        var attribute = info.UnsignedAttributes.Cast<CryptographicAttributeObject>().FirstOrDefault(a => a.Oid.Value == AttributeOid);
        if (attribute is null || attribute.Values.Count == 0)
        {
            return (null, null, null, null);
        }

        if (!Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _) || token is null
            || !token.VerifySignatureForSignerInfo(info, out var authority) || authority is null)
        {
            return (null, null, null, ("its signature timestamp (RFC 3161) does not match the signature or is not a valid token",
                "dấu thời gian RFC 3161 của chữ ký không khớp với chữ ký hoặc không hợp lệ"));
        }

        var at = token.TokenInfo.Timestamp;
        if (root is null)
        {
            return (at, authority, null, null);
        }

        // A timestamp from an authority outside the trusted root proves nothing here unless its root was given as a
        // timestamp authority's (a licensed TSA has its own root); otherwise it is not counted, no forgery either.
        var counted = CmsDetachedSignature.CountingRoot(authority, token.AsSignedCms().Certificates, [root, .. timestampRoots], at);
        return (counted is null ? null : at, authority, counted, null);
    }
}
