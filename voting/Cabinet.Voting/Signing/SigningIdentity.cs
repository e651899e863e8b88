using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>A signer certificate with its private key, and the certificates that chain it to its root.</summary>
public sealed class SigningIdentity : IDocumentSigner, IDisposable
{
    public SigningIdentity(X509Certificate2 certificate, IEnumerable<X509Certificate2> chain)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("A signing identity needs the certificate's private key.", nameof(certificate));
        }

        Certificate = certificate;
        Chain = [.. chain];
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The other certificates of the signer's chain (issuers, and the root when known), embedded in every signature.</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; }

    public Task<byte[]> SignAsync(ReadOnlyMemory<byte> content, CmsProfile profile, CancellationToken cancellationToken = default) =>
        Task.FromResult(CmsDetachedSignature.Sign(content.Span, this, profile));

    /// <summary>Loads the production signer from configuration: the one certificate with a private key, plus the rest as chain.</summary>
    public static SigningIdentity FromPkcs12(byte[] pkcs12, string? password)
    {
        var all = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.Exportable);
        var withKey = all.Where(c => c.HasPrivateKey).ToList();
        if (withKey.Count == 0)
        {
            throw new CryptographicException("The PKCS#12 file holds no certificate with a private key.");
        }

        // A file may also carry its CA's key; the signer is the end-entity certificate.
        var signer = withKey.FirstOrDefault(c => !IsCertificateAuthority(c)) ?? withKey[0];
        return new SigningIdentity(signer, all.Where(c => !ReferenceEquals(c, signer)));
    }

    public static SigningIdentity FromPkcs12File(string path, string? password) => FromPkcs12(File.ReadAllBytes(path), password);

    public byte[] ExportPkcs12(string password)
    {
        var collection = new X509Certificate2Collection(Certificate);
        collection.AddRange(Chain.ToArray());
        return collection.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password)
            ?? throw new CryptographicException("The identity could not be exported.");
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var certificate in Chain)
        {
            certificate.Dispose();
        }
    }

    /// <summary>The self-signed root of a chain when it carries one, else its last certificate, else the signer itself: what verifiers trust.</summary>
    public static X509Certificate2 TopOf(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> chain) =>
        chain.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData)) ?? (chain.Count > 0 ? chain[^1] : certificate);

    internal static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
}
