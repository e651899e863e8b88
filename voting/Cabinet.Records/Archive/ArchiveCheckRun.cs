using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Cabinet.Records.Archive;

/// <summary>One verification of one archive: the checks in order, the report's lines so far, the file being read.</summary>
internal sealed class ArchiveCheckRun(X509Certificate2 root, IReadOnlyList<ArchiveFileCheck> checks, ArchiveLimits limits, CancellationToken cancellationToken)
{
    private const long SignatureLimit = 1024 * 1024;
    private readonly List<string> _lines = [];

    /// <summary>The file being read or checked, for a report on what could not be read.</summary>
    public string? CurrentFile { get; private set; }

    public ArchiveVerificationReport Fail(string failure) => new([.. _lines, $"FAILED: {failure}"], failure);

    public ArchiveVerificationReport Verify(IArchiveSource source)
    {
        _lines.Add($"The archive holds {source.Paths.Count} files.");
        CurrentFile = ArchiveManifest.FileName;
        var manifestJson = source.Read(ArchiveManifest.FileName, limits.MaxManifestBytes);
        var manifestSignature = source.Read(ArchiveManifest.SignatureFileName, SignatureLimit);
        if (manifestJson is null || manifestSignature is null)
        {
            return Fail($"{(manifestJson is null ? ArchiveManifest.FileName : ArchiveManifest.SignatureFileName)}: missing, so nothing in the archive can be trusted");
        }

        if (manifestJson.Length > limits.MaxManifestBytes)
        {
            return Fail($"{ArchiveManifest.FileName}: larger than {limits.MaxManifestBytes} bytes, which no meeting's manifest needs");
        }

        var signature = DetachedSignatures.Verify(manifestJson, manifestSignature, root);
        if (!signature.IsValid)
        {
            return Fail($"{ArchiveManifest.FileName}: its signature ({ArchiveManifest.SignatureFileName}) is not valid — {signature.Failure}");
        }

        _lines.Add($"{ArchiveManifest.FileName}: signature valid, signed by {signature.SignerSubject} at {signature.SigningTime:u}.");
        ArchiveManifest manifest;
        try
        {
            manifest = ArchiveJson.Deserialize<ArchiveManifest>(manifestJson);
        }
        catch (JsonException e)
        {
            return Fail($"{ArchiveManifest.FileName}: not a Cabinet manifest ({ArchiveJson.Reason(e)})");
        }

        if (manifest.Format != ArchiveManifest.CurrentFormat)
        {
            return Fail($"{ArchiveManifest.FileName}: unknown archive format '{manifest.Format}'");
        }

        if (manifest.Files.Any(f => f is null))
        {
            return Fail($"{ArchiveManifest.FileName}: its file list holds an empty entry (null)");
        }

        _lines.Add($"Meeting \"{manifest.MeetingTitle}\" ({manifest.MeetingId}) of {manifest.Organisation}, closed {manifest.ClosedAt:u}.");
        return CheckListing(source, manifest) is { } refusal ? Fail(refusal) : CheckFiles(source, manifest);
    }

    private string? CheckListing(IArchiveSource source, ArchiveManifest manifest)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!ArchivePaths.IsSafe(file.Path) || file.Path is ArchiveManifest.FileName or ArchiveManifest.SignatureFileName || !listed.Add(file.Path))
            {
                return $"{ArchiveManifest.FileName}: lists '{file.Path}', which is unsafe or listed twice";
            }

            if (file.Size < 0 || file.Size > limits.MaxFileBytes)
            {
                return $"{ArchiveManifest.FileName}: gives {file.Path} a size of {file.Size} bytes, outside what the verifier reads (0 to {limits.MaxFileBytes})";
            }
        }

        if (source.Paths.FirstOrDefault(p => !listed.Contains(p) && p is not (ArchiveManifest.FileName or ArchiveManifest.SignatureFileName)) is { } extra)
        {
            return $"{extra}: not listed in the manifest — nothing may be added to a sealed archive";
        }

        return new[] { ArchivePaths.Minutes, ArchivePaths.Ledger, ArchivePaths.Documents }.FirstOrDefault(p => !listed.Contains(p)) is { } required
            ? $"{required}: missing from the manifest"
            : null;
    }

    private ArchiveVerificationReport CheckFiles(IArchiveSource source, ArchiveManifest manifest)
    {
        _lines.Add($"No file was added: every one of the {source.Paths.Count - 2} files is listed in the manifest.");
        var content = new ArchiveContentChecks(source, manifest, root, checks, limits, cancellationToken);
        foreach (var file in manifest.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CurrentFile = file.Path;
            var bytes = source.Read(file.Path, file.Size);
            if (bytes is null)
            {
                return Fail($"{file.Path}: listed in the manifest but missing from the archive");
            }

            var matches = bytes.Length == file.Size
                && string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256, StringComparison.OrdinalIgnoreCase);
            var (ok, detail) = content.Check(file, bytes);
            if (!matches)
            {
                return Fail(ok ? $"{file.Path}: its content differs from the sealed manifest (SHA-256 or size)"
                    : $"{file.Path}: {detail} (the file differs from the sealed manifest)");
            }

            if (!ok)
            {
                return Fail($"{file.Path}: {detail}");
            }

            _lines.Add($"{file.Path}: {file.Size} bytes, SHA-256 matches the manifest{(detail is null ? "" : $"; {detail}")}.");
        }

        CurrentFile = null;
        _lines.Add("The archive is intact.");
        return new(_lines, null);
    }
}
