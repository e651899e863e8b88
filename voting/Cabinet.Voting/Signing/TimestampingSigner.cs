using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>A signer whose every signature carries a signature timestamp from <paramref name="authority"/>.</summary>
public sealed class TimestampingSigner(IDocumentSigner inner, TimestampClient authority) : IDocumentSigner
{
    public X509Certificate2 Certificate => inner.Certificate;

    public async Task<byte[]> SignAsync(ReadOnlyMemory<byte> content, CmsProfile profile, CancellationToken cancellationToken = default) =>
        await SignatureTimestamps.AddAsync(await inner.SignAsync(content, profile, cancellationToken).ConfigureAwait(false), authority, cancellationToken)
            .ConfigureAwait(false);
}
