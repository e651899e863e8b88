using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Records.Archive;

/// <summary>
/// What the verifier trusts: the root the organisation's certificate must chain to, optionally the one organisation
/// certificate expected (its SHA-256 fingerprint), and the roots of timestamp authorities whose timestamps count (a
/// licensed TSA has its own root). Without a root only integrity can be judged, never trust.
/// </summary>
public sealed record ArchiveTrust(X509Certificate2? Root, string? ExpectedOrganisationFingerprint = null)
{
    /// <summary>Roots of timestamp authorities (<c>--tsa-root</c>): a timestamp whose authority chains to one of them counts, as one under <see cref="Root"/> does.</summary>
    public IReadOnlyList<X509Certificate2> TimestampRoots { get; init; } = [];

    public static implicit operator ArchiveTrust(X509Certificate2? root) => new(root);

    public static ArchiveTrust FromRoot(X509Certificate2? root) => new(root);
}
