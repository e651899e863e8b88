using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// A PAdES-baseline CMS SignedData whose signature is made elsewhere — a person's device with a WebCrypto ECDSA P-256
/// key the server never sees. First <see cref="SignedAttributes"/> (content-type, message-digest, ESS
/// signing-certificate-v2; no signing-time, as PAdES requires) goes to the device, which signs its DER; then
/// <see cref="Assemble"/> checks that signature against the certificate and builds the SignedData around it.
/// </summary>
public static class ExternalCmsSignature
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string DataOid = "1.2.840.113549.1.7.1";
    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string ContentTypeOid = "1.2.840.113549.1.9.3";
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";
    private const int P256SignatureLength = 64;

    /// <summary>The DER of the signed-attributes SET over <paramref name="content"/>: the bytes the device signs.</summary>
    public static byte[] SignedAttributes(ReadOnlySpan<byte> content, X509Certificate2 signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf()) // DER sorts the attributes
        {
            Attribute(writer, ContentTypeOid, w => w.WriteObjectIdentifier(DataOid));
            var digest = SHA256.HashData(content);
            Attribute(writer, MessageDigestOid, w => w.WriteOctetString(digest));
            Attribute(writer, SigningCertificateV2.Oid, w => w.WriteEncodedValue(SigningCertificateV2.Encode(signer)));
        }

        return writer.Encode();
    }

    /// <summary>
    /// The CMS SignedData (DER), or null when <paramref name="signatureP1363"/> (r‖s, 64 bytes) is not the certificate's
    /// key's ECDSA P-256 / SHA-256 signature over <paramref name="signedAttributes"/>.
    /// </summary>
    public static byte[]? Assemble(byte[] signedAttributes, byte[] signatureP1363, X509Certificate2 signer, IReadOnlyList<X509Certificate2> chain)
    {
        ArgumentNullException.ThrowIfNull(signedAttributes);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(chain);
        using var key = signer.GetECDsaPublicKey();
        if (key is null || key.KeySize != 256 || signatureP1363 is not { Length: P256SignatureLength }
            || !key.VerifyData(signedAttributes, signatureP1363, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return null;
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) // ContentInfo
        {
            writer.WriteObjectIdentifier(SignedDataOid);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            using (writer.PushSequence()) // SignedData
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                    AlgorithmIdentifier(writer, Sha256Oid);
                }

                using (writer.PushSequence()) // encapContentInfo, detached
                {
                    writer.WriteObjectIdentifier(DataOid);
                }

                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    writer.WriteEncodedValue(signer.RawData);
                    foreach (var certificate in chain)
                    {
                        writer.WriteEncodedValue(certificate.RawData);
                    }
                }

                using (writer.PushSetOf())
                {
                    SignerInfo(writer, signedAttributes, signatureP1363, signer);
                }
            }
        }

        return writer.Encode();
    }

    private static void SignerInfo(AsnWriter writer, byte[] signedAttributes, byte[] signatureP1363, X509Certificate2 signer)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            using (writer.PushSequence()) // IssuerAndSerialNumber
            {
                writer.WriteEncodedValue(signer.IssuerName.RawData);
                writer.WriteInteger(signer.SerialNumberBytes.Span);
            }

            AlgorithmIdentifier(writer, Sha256Oid);
            // signedAttrs [0] IMPLICIT: the signed SET's content under the context tag.
            var set = new AsnReader(signedAttributes, AsnEncodingRules.DER).ReadSetOf();
            using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            {
                while (set.HasData)
                {
                    writer.WriteEncodedValue(set.ReadEncodedValue().Span);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(EcdsaWithSha256Oid);
            }

            writer.WriteOctetString(ToDer(signatureP1363));
        }
    }

    /// <summary>WebCrypto's r‖s as the DER Ecdsa-Sig-Value CMS carries.</summary>
    private static byte[] ToDer(byte[] p1363)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(new BigInteger(p1363.AsSpan(0, P256SignatureLength / 2), isUnsigned: true, isBigEndian: true));
            writer.WriteInteger(new BigInteger(p1363.AsSpan(P256SignatureLength / 2), isUnsigned: true, isBigEndian: true));
        }

        return writer.Encode();
    }

    private static void Attribute(AsnWriter writer, string oid, Action<AsnWriter> value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSetOf())
            {
                value(writer);
            }
        }
    }

    private static void AlgorithmIdentifier(AsnWriter writer, string oid)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteNull();
        }
    }
}
