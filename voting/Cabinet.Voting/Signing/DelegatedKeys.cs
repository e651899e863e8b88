using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// A private key held elsewhere (a PKCS#11 token, a remote signing service) as the RSA or ECDsa object .NET's CMS
/// code signs with: its one private operation, signing a SHA-256 hash, is handed to <c>signHash</c>, which returns
/// the raw signature (PKCS#1 v1.5 for RSA; r‖s for ECDSA). The public half comes from the certificate.
/// </summary>
internal static class DelegatedKeys
{
    public static AsymmetricAlgorithm For(X509Certificate2 certificate, Func<byte[], byte[]> signHash)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(signHash);
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return new DelegatedRsa(rsa.ExportParameters(false), rsa.KeySize, signHash);
        }

        using var ec = certificate.GetECDsaPublicKey() ?? throw new CryptographicException("The certificate's key is neither RSA nor EC.");
        return new DelegatedEcdsa(ec.ExportParameters(false), ec.KeySize, signHash);
    }

    private static void RequireSha256(byte[] hash, HashAlgorithmName algorithm)
    {
        if (algorithm != HashAlgorithmName.SHA256 || hash.Length != 32)
        {
            throw new CryptographicException("Keys held elsewhere sign SHA-256 hashes only.");
        }
    }

    private sealed class DelegatedRsa : RSA
    {
        private readonly RSAParameters _public;
        private readonly Func<byte[], byte[]> _signHash;

        public DelegatedRsa(RSAParameters publicKey, int keySize, Func<byte[], byte[]> signHash)
        {
            (_public, _signHash) = (publicKey, signHash);
            KeySizeValue = keySize;
        }

        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
        {
            RequireSha256(hash, hashAlgorithm);
            return padding == RSASignaturePadding.Pkcs1 ? _signHash(hash) : throw new CryptographicException("Only PKCS#1 v1.5 signatures.");
        }

        public override RSAParameters ExportParameters(bool includePrivateParameters) =>
            includePrivateParameters ? throw new CryptographicException("The private key is held elsewhere.") : _public;

        public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();
    }

    private sealed class DelegatedEcdsa : ECDsa
    {
        private readonly ECParameters _public;
        private readonly Func<byte[], byte[]> _signHash;

        public DelegatedEcdsa(ECParameters publicKey, int keySize, Func<byte[], byte[]> signHash)
        {
            (_public, _signHash) = (publicKey, signHash);
            KeySizeValue = keySize;
        }

        public override byte[] SignHash(byte[] hash)
        {
            RequireSha256(hash, HashAlgorithmName.SHA256);
            return _signHash(hash);
        }

        public override bool VerifyHash(byte[] hash, byte[] signature)
        {
            using var key = Create(_public);
            return key.VerifyHash(hash, signature);
        }

        public override ECParameters ExportParameters(bool includePrivateParameters) =>
            includePrivateParameters ? throw new CryptographicException("The private key is held elsewhere.") : _public;
    }
}
