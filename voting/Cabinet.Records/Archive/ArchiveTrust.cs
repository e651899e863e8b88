using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Records.Archive;

/// <summary>
/// What the verifier trusts: the root the organisation's certificate must chain to, and optionally the one organisation
/// certificate expected (its SHA-256 fingerprint). Without a root only integrity can be judged, never trust.
/// </summary>
public sealed record ArchiveTrust(X509Certificate2? Root, string? ExpectedOrganisationFingerprint = null)
{
    public static implicit operator ArchiveTrust(X509Certificate2? root) => new(root);

    public static ArchiveTrust FromRoot(X509Certificate2? root) => new(root);
}
