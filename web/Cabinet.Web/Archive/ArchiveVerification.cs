using System.Globalization;
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
    /// <param name="timestampRootPems">Roots of timestamp authorities whose timestamps count (<c>--tsa-root</c>).</param>
    public static ArchiveVerificationReport Verify(string path, string? trustedRootPem, string? expectedOrganisationFingerprint = null,
        IReadOnlyList<string>? timestampRootPems = null, CancellationToken cancellationToken = default)
    {
        using var root = trustedRootPem is null ? null : X509Certificate2.CreateFromPem(trustedRootPem);
        var timestampRoots = (timestampRootPems ?? []).Select(pem => X509Certificate2.CreateFromPem(pem)).ToList();
        try
        {
            var trust = new ArchiveTrust(root, expectedOrganisationFingerprint) { TimestampRoots = timestampRoots };
            return ArchiveVerifier.VerifyPath(path, trust, Checks, cancellationToken: cancellationToken);
        }
        finally
        {
            timestampRoots.ForEach(r => r.Dispose());
        }
    }

    /// <summary>
    /// An upload to the /verify page, reported in English when the reader's UI culture is English, else in Vietnamese.
    /// No timestamp authority's root is counted here (the command's <c>--tsa-root</c>): a TSA outside the organisation's
    /// root is shown, and its timestamps are not counted.
    /// </summary>
    public static ArchiveVerificationReport Verify(Stream archive, string trustedRootPem, CancellationToken cancellationToken = default)
    {
        using var root = X509Certificate2.CreateFromPem(trustedRootPem);
        using var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? ReportLanguage.English() : null;
        return ArchiveVerifier.VerifyUpload(archive, root, Checks, cancellationToken: cancellationToken);
    }
}
