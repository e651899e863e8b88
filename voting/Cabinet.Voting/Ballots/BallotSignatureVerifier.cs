using System.Security.Cryptography;

namespace Cabinet.Voting.Ballots;

/// <summary>Checks a browser ballot signature: WebCrypto ECDSA P-256 / SHA-256, IEEE P1363 (r‖s) format, SPKI DER public key.</summary>
public static class BallotSignatureVerifier
{
    public const int SignatureLength = 64;
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static bool Verify(BallotContent content, byte[] signatureP1363, byte[] publicKeySpki)
    {
        if (content is null || signatureP1363 is not { Length: SignatureLength } || publicKeySpki is not { Length: > 0 })
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKeySpki, out var read);
            if (read != publicKeySpki.Length || !IsP256(key))
            {
                return false;
            }

            return key.VerifyData(content.ToSigningBytes(), signatureP1363, HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return curve.IsNamed && string.Equals(curve.Oid.Value, P256Oid, StringComparison.Ordinal);
    }
}
