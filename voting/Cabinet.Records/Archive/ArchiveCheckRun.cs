using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Cabinet.Records.Trust;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Archive;

/// <summary>One verification of one archive: the checks in order, the report's lines so far, the file being read.</summary>
internal sealed class ArchiveCheckRun(ArchiveTrust trust, IReadOnlyList<ArchiveFileCheck> checks, ArchiveLimits limits, CancellationToken cancellationToken)
{
    private const long SignatureLimit = 1024 * 1024;
    private readonly List<string> _lines = [];

    /// <summary>The file being read or checked, for a report on what could not be read.</summary>
    public string? CurrentFile { get; private set; }

    public ArchiveVerificationReport Fail(string code, string failure) => new([.. _lines, $"FAILED [{code}]: {failure}"], failure) { Code = code };

    public ArchiveVerificationReport Verify(IArchiveSource source)
    {
        _lines.Add($"The archive holds {source.Paths.Count} files.");
        _lines.Add(trust.Root is { } root
            ? $"Trust anchor (chứng thư gốc tin cậy): {CertificateNames.Describe(root)}."
            : "No trust anchor was given (không có chứng thư gốc): only integrity is checked, and the archive cannot be trusted.");
        CurrentFile = ArchiveManifest.FileName;
        var manifestJson = source.Read(ArchiveManifest.FileName, limits.MaxManifestBytes);
        var manifestSignature = source.Read(ArchiveManifest.SignatureFileName, SignatureLimit);
        if (manifestJson is null || manifestSignature is null)
        {
            return Fail(VerdictCodes.ManifestMissing,
                $"{(manifestJson is null ? ArchiveManifest.FileName : ArchiveManifest.SignatureFileName)}: missing, so nothing in the archive can be trusted");
        }

        if (manifestJson.Length > limits.MaxManifestBytes)
        {
            return Fail(VerdictCodes.ManifestInvalid, $"{ArchiveManifest.FileName}: larger than {limits.MaxManifestBytes} bytes, which no meeting's manifest needs");
        }

        var signature = DetachedSignatures.Verify(manifestJson, manifestSignature, trust.Root);
        if (!signature.IsValid)
        {
            return Fail(VerdictCodes.ManifestSignatureInvalid,
                $"{ArchiveManifest.FileName}: its signature ({ArchiveManifest.SignatureFileName}) is not valid — {DetachedSignatures.Explain(signature, trust.Root)}");
        }

        _lines.Add($"{ArchiveManifest.FileName}: signature {(signature.IsTrusted ? "valid" : "intact")}, signed by {CertificateNames.Describe(signature.Signer)} at {signature.SigningTime:u}, "
            + $"chain ending at {CertificateNames.Describe(signature.Anchor)}, certificates judged at {signature.CheckedAt:u}"
            + $"{(signature.TimestampAuthority is { } tsa ? $" (RFC 3161 timestamp by {CertificateNames.Describe(tsa)})" : " (no timestamp: the time of verification)")}.");
        ArchiveManifest manifest;
        try
        {
            manifest = ArchiveJson.Deserialize<ArchiveManifest>(manifestJson);
        }
        catch (JsonException e)
        {
            return Fail(VerdictCodes.ManifestInvalid, $"{ArchiveManifest.FileName}: not a Cabinet manifest ({ArchiveJson.Reason(e)})");
        }

        if (manifest.Format is not (ArchiveManifest.CurrentFormat or ArchiveManifest.LegacyFormat))
        {
            return Fail(VerdictCodes.ManifestInvalid, $"{ArchiveManifest.FileName}: unknown archive format '{manifest.Format}'");
        }

        if (manifest.Files.Any(f => f is null))
        {
            return Fail(VerdictCodes.ManifestInvalid, $"{ArchiveManifest.FileName}: its file list holds an empty entry (null)");
        }

        _lines.Add($"Meeting \"{manifest.MeetingTitle}\" ({manifest.MeetingId}) of {manifest.Organisation}"
            + $"{(manifest.OrganisationId is { } id ? $" (id {id})" : "")}, closed {manifest.ClosedAt:u}, format {manifest.Format}.");
        if (OrganisationRefusal(ArchiveManifest.FileName, signature, manifest) is { } refusal)
        {
            return Fail(refusal.Code, refusal.Failure);
        }

        return CheckListing(source, manifest) is { } unlisted ? Fail(unlisted.Code, unlisted.Failure) : CheckFiles(source, manifest, signature.IsTrusted);
    }

    /// <summary>The manifest and every poll result must be signed by the organisation that owns the meeting, and by the pinned certificate when one is.</summary>
    internal (string Code, string Failure)? OrganisationRefusal(string file, CmsVerification signature, ArchiveManifest manifest)
    {
        var match = OrganisationCertificate.Judge(signature.Signer!, manifest.Organisation, manifest.OrganisationId);
        if (!match.IsOrganisation)
        {
            return (VerdictCodes.SignerNotOrganisation,
                $"{file}: signed by {CertificateNames.Describe(signature.Signer)}, which is not {manifest.Organisation}'s seal — {match.Failure}");
        }

        var fingerprint = CertificateNames.Fingerprint(signature.Signer!);
        if (trust.ExpectedOrganisationFingerprint is { } expected && !string.Equals(CertificateNames.NormaliseFingerprint(expected), fingerprint, StringComparison.Ordinal))
        {
            return (VerdictCodes.OrganisationCertificateNotPinned,
                $"{file}: signed by {CertificateNames.Describe(signature.Signer)}, not by the expected organisation certificate {expected}");
        }

        if (file == ArchiveManifest.FileName)
        {
            _lines.Add($"The signer is {manifest.Organisation}'s seal{(match.Legacy ? " (legacy certificate: no organisation identifier; matched by its name)" : $" (organizationIdentifier {OrganisationCertificate.IdentifierPrefix}{manifest.OrganisationId})")}"
                + $"{(trust.ExpectedOrganisationFingerprint is null ? "" : ", and the expected certificate")}.");
        }

        return null;
    }

    private (string Code, string Failure)? CheckListing(IArchiveSource source, ArchiveManifest manifest)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!ArchivePaths.IsSafe(file.Path) || file.Path is ArchiveManifest.FileName or ArchiveManifest.SignatureFileName || !listed.Add(file.Path))
            {
                return (VerdictCodes.ManifestInvalid, $"{ArchiveManifest.FileName}: lists '{file.Path}', which is unsafe or listed twice");
            }

            if (file.Size < 0 || file.Size > limits.MaxFileBytes)
            {
                return (VerdictCodes.ManifestInvalid,
                    $"{ArchiveManifest.FileName}: gives {file.Path} a size of {file.Size} bytes, outside what the verifier reads (0 to {limits.MaxFileBytes})");
            }
        }

        if (source.Paths.FirstOrDefault(p => !listed.Contains(p) && p is not (ArchiveManifest.FileName or ArchiveManifest.SignatureFileName)) is { } extra)
        {
            return (VerdictCodes.FileAdded, $"{extra}: not listed in the manifest — nothing may be added to a sealed archive");
        }

        return new[] { ArchivePaths.Minutes, ArchivePaths.Ledger, ArchivePaths.Documents }.FirstOrDefault(p => !listed.Contains(p)) is { } required
            ? (VerdictCodes.ManifestInvalid, $"{required}: missing from the manifest")
            : null;
    }

    private ArchiveVerificationReport CheckFiles(IArchiveSource source, ArchiveManifest manifest, bool trusted)
    {
        _lines.Add($"No file was added: every one of the {source.Paths.Count - 2} files is listed in the manifest.");
        var content = new ArchiveContentChecks(source, manifest, this, trust.Root, checks, limits, cancellationToken);
        foreach (var file in ArchivePaths.CheckingOrder(manifest.Files))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CurrentFile = file.Path;
            var bytes = source.Read(file.Path, file.Size);
            if (bytes is null)
            {
                return Fail(VerdictCodes.FileMissing, $"{file.Path}: listed in the manifest but missing from the archive");
            }

            if (bytes.Length > file.Size)
            {
                // Read on (within the verifier's limit) so the report gives the real size, not "one byte more".
                bytes = source.Read(file.Path, limits.MaxFileBytes) ?? bytes;
            }

            var matches = bytes.Length == file.Size
                && string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256, StringComparison.OrdinalIgnoreCase);
            var checkedContent = content.Check(file, bytes);
            if (!matches)
            {
                var size = bytes.Length == file.Size ? "its SHA-256 differs"
                    : bytes.Length > limits.MaxFileBytes ? $"it is longer than {limits.MaxFileBytes} bytes where {file.Size} were sealed"
                    : $"it is {bytes.Length} bytes where {file.Size} were sealed ({Math.Abs(bytes.Length - file.Size)} {(bytes.Length > file.Size ? "added" : "removed")})";
                return Fail(checkedContent.Ok ? VerdictCodes.FileChanged : checkedContent.Code,
                    checkedContent.Ok ? $"{file.Path}: its content differs from the sealed manifest ({size})"
                    : $"{file.Path}: {checkedContent.Detail} (the file differs from the sealed manifest: {size})");
            }

            if (!checkedContent.Ok)
            {
                return Fail(checkedContent.Code, $"{file.Path}: {checkedContent.Detail}");
            }

            _lines.Add($"{file.Path}: {file.Size} bytes, SHA-256 matches the manifest{(checkedContent.Detail is null ? "" : $"; {checkedContent.Detail}")}.");
        }

        CurrentFile = null;
        if (content.Finish() is { } unfinished)
        {
            return Fail(unfinished.Code, unfinished.Failure);
        }

        _lines.Add(trusted ? "The archive is intact." : "The archive is intact, but NOT TRUSTED: no trust anchor was given.");
        return new(_lines, null) { IsTrusted = trusted };
    }
}
