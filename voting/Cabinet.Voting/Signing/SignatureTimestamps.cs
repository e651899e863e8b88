using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Cabinet.Voting.Signing;

/// <summary>
/// Gives a CMS signature its signature timestamp (CAdES/PAdES-B-T): a TSA token over each SignerInfo's signature value,
/// as the unsigned attribute id-aa-signatureTimeStampToken. Works on bytes, so a CMS made on a person's device, on a
/// token or by a remote service gets one the same way.
/// </summary>
public static class SignatureTimestamps
{
    public const string Oid = "1.2.840.113549.1.9.16.2.14";

    public static async Task<byte[]> AddAsync(byte[] cms, TimestampClient authority, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cms);
        ArgumentNullException.ThrowIfNull(authority);
        var signed = new SignedCms();
        signed.Decode(cms);
        for (var i = 0; i < signed.SignerInfos.Count; i++)
        {
            // SignerInfos hands out copies: take a fresh one each time, after the previous change.
            var signer = signed.SignerInfos[i];
            if (signer.UnsignedAttributes.Cast<CryptographicAttributeObject>().Any(a => a.Oid.Value == Oid))
            {
                continue;
            }

            var token = await authority.StampHashAsync(SHA256.HashData(signer.GetSignature()), cancellationToken).ConfigureAwait(false);
            signer.AddUnsignedAttribute(new AsnEncodedData(Oid, token.AsSignedCms().Encode()));
        }

        return signed.Encode();
    }
}
