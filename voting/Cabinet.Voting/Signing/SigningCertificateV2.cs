using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// The ESS signing-certificate-v2 attribute (RFC 5035) that CAdES and PAdES baselines require: binds the signature to
/// the signer certificate's SHA-256 hash so the certificate cannot be swapped for another with the same key.
/// </summary>
internal static class SigningCertificateV2
{
    public const string Oid = "1.2.840.113549.1.9.16.2.47";

    public static byte[] Encode(X509Certificate2 signer)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) // SigningCertificateV2
        using (writer.PushSequence()) // certs
        using (writer.PushSequence()) // ESSCertIDv2; hashAlgorithm omitted because SHA-256 is its DER default
        {
            writer.WriteOctetString(SHA256.HashData(signer.RawData));
            using (writer.PushSequence()) // IssuerSerial
            {
                using (writer.PushSequence()) // GeneralNames
                {
                    var directoryName = new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true);
                    using (writer.PushSequence(directoryName))
                    {
                        writer.WriteEncodedValue(signer.IssuerName.RawData);
                    }
                }

                writer.WriteInteger(signer.SerialNumberBytes.Span);
            }
        }

        return writer.Encode();
    }

    /// <summary>The first certificate hash in the attribute, to compare with the signer certificate.</summary>
    public static byte[] ReadFirstCertificateHash(byte[] encoded)
    {
        var reader = new AsnReader(encoded, AsnEncodingRules.DER);
        var certId = reader.ReadSequence().ReadSequence().ReadSequence();
        if (certId.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var algorithm = certId.ReadSequence().ReadObjectIdentifier();
            if (algorithm != "2.16.840.1.101.3.4.2.1")
            {
                throw new CryptographicException($"signing-certificate-v2 uses hash {algorithm}, not SHA-256");
            }
        }

        return certId.ReadOctetString();
    }
}
