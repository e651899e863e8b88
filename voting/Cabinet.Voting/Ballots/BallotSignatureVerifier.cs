using System.Security.Cryptography;

namespace Cabinet.Voting.Ballots;

/// <summary>
/// Checks a browser ballot signature: WebCrypto ECDSA P-256 / SHA-256, IEEE P1363 (r‖s) format, SPKI DER public key.
/// Importing the key costs more than the check itself (≈ 175 µs against ≈ 110 µs here), so a caller that checks many
/// signatures of one device imports once with <see cref="ImportP256"/> and checks with the imported key.
/// </summary>
public static class BallotSignatureVerifier
{
    public const int SignatureLength = 64;
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static bool Verify(BallotContent content, byte[] signatureP1363, byte[] publicKeySpki)
    {
        if (content is null)
        {
            return false;
        }

        using var key = ImportP256(publicKeySpki);
        return key is not null && Verify(content.ToSigningBytes(), signatureP1363, key);
    }

    /// <summary>Checks a signature over <paramref name="signedBytes"/> with a key from <see cref="ImportP256"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> signedBytes, ReadOnlySpan<byte> signatureP1363, ECDsa key)
    {
        if (signatureP1363.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            return key.VerifyData(signedBytes, signatureP1363, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The public key of an SPKI DER that holds exactly one P-256 key and nothing after it; null otherwise. The caller disposes it.</summary>
    public static ECDsa? ImportP256(byte[]? publicKeySpki)
    {
        if (publicKeySpki is not { Length: > 0 })
        {
            return null;
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKeySpki, out var read);
            if (read == publicKeySpki.Length && IsP256(key))
            {
                return key;
            }
        }
        catch (CryptographicException)
        {
        }

        key.Dispose();
        return null;
    }

    private static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return curve.IsNamed && string.Equals(curve.Oid.Value, P256Oid, StringComparison.Ordinal);
    }
}
