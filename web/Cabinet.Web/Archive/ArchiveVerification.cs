using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Archive;

namespace Cabinet.Web.Archive;

/// <summary>
/// Checks a sealed archive (ZIP or unpacked folder), or a minutes PDF on its own, against a trusted root certificate:
/// every signature and who made it, the manifest, the ledger chain, each poll's result, ballot chain, recount and ballot
/// signatures. The one place both the command line and the web page use.
/// </summary>
public static class ArchiveVerification
{
    public static IReadOnlyList<ArchiveFileCheck> Checks => BallotChainCheck.All;

    /// <param name="trustedRootPem">null: no trust anchor, integrity only.</param>
    public static ArchiveVerificationReport Verify(string path, string? trustedRootPem, string? expectedOrganisationFingerprint = null, CancellationToken cancellationToken = default)
    {
        using var root = trustedRootPem is null ? null : X509Certificate2.CreateFromPem(trustedRootPem);
        return ArchiveVerifier.VerifyPath(path, new ArchiveTrust(root, expectedOrganisationFingerprint), Checks, cancellationToken: cancellationToken);
    }

    public static ArchiveVerificationReport Verify(Stream archive, string trustedRootPem, CancellationToken cancellationToken = default)
    {
        using var root = X509Certificate2.CreateFromPem(trustedRootPem);
        return ArchiveVerifier.VerifyUpload(archive, root, Checks, cancellationToken: cancellationToken);
    }
}
