using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// Signs bytes into a detached CMS signature. Implemented by <see cref="SigningIdentity"/> (a key in memory, e.g. from
/// a PKCS#12 file); a hardware token or a remote signing service can implement it without touching the callers.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>The signer's certificate (public part), e.g. to print the signer's name.</summary>
    X509Certificate2 Certificate { get; }

    /// <returns>DER-encoded CMS SignedData, detached, over <paramref name="content"/>.</returns>
    Task<byte[]> SignAsync(ReadOnlyMemory<byte> content, CmsProfile profile, CancellationToken cancellationToken = default);
}
