using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Archive;

namespace Cabinet.Web.Archive;

/// <summary>
/// Checks a sealed archive (ZIP or unpacked folder) against a trusted root certificate: every signature, the manifest,
/// the ledger chain and each poll's ballot chain. The one place both the command line and the web page use.
/// </summary>
public static class ArchiveVerification
{
    public static IReadOnlyList<ArchiveFileCheck> Checks { get; } = [BallotChainCheck.Create()];

    public static ArchiveVerificationReport Verify(string path, string trustedRootPem, CancellationToken cancellationToken = default)
    {
        using var root = X509Certificate2.CreateFromPem(trustedRootPem);
        return ArchiveVerifier.VerifyPath(path, root, Checks, cancellationToken: cancellationToken);
    }

    public static ArchiveVerificationReport Verify(Stream archive, string trustedRootPem, CancellationToken cancellationToken = default)
    {
        using var root = X509Certificate2.CreateFromPem(trustedRootPem);
        return ArchiveVerifier.Verify(archive, root, Checks, cancellationToken: cancellationToken);
    }
}
