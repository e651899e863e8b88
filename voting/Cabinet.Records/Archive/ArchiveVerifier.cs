using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Archive;

/// <summary>
/// Verifies a sealed meeting archive without extracting it: the manifest's signature, every file's hash and size,
/// that nothing was added, the ledger's hash chain, every detached signature and the minutes' PDF signatures.
/// </summary>
public static class ArchiveVerifier
{
    private const long ManifestLimit = 16 * 1024 * 1024;
    private const long SignatureLimit = 1024 * 1024;

    public static ArchiveVerificationReport Verify(Stream archive, X509Certificate2 trustedRoot, IReadOnlyList<ArchiveFileCheck>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(trustedRoot);
        if (archive.CanSeek && archive.Length == 0)
        {
            return new([], "the file is empty: it is not a Cabinet archive");
        }

        try
        {
            using var source = new ZipArchiveSource(archive);
            return Verify(source, trustedRoot, checks ?? []);
        }
        catch (InvalidDataException e)
        {
            return new([], $"the file is not a readable ZIP archive ({e.Message})");
        }
        catch (UnsafeArchiveException e)
        {
            return new([], e.Message);
        }
    }

    public static ArchiveVerificationReport VerifyFolder(string folder, X509Certificate2 trustedRoot, IReadOnlyList<ArchiveFileCheck>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(trustedRoot);
        try
        {
            using var source = new FolderArchiveSource(folder);
            return Verify(source, trustedRoot, checks ?? []);
        }
        catch (UnsafeArchiveException e)
        {
            return new([], e.Message);
        }
    }

    private static ArchiveVerificationReport Verify(IArchiveSource source, X509Certificate2 root, IReadOnlyList<ArchiveFileCheck> checks)
    {
        var lines = new List<string> { $"The archive holds {source.Paths.Count} files." };
        ArchiveVerificationReport Fail(string failure) => new([.. lines, $"FAILED: {failure}"], failure);

        var manifestJson = source.Read(ArchiveManifest.FileName, ManifestLimit);
        var manifestSignature = source.Read(ArchiveManifest.SignatureFileName, SignatureLimit);
        if (manifestJson is null || manifestSignature is null)
        {
            return Fail($"{(manifestJson is null ? ArchiveManifest.FileName : ArchiveManifest.SignatureFileName)}: missing, so nothing in the archive can be trusted");
        }

        var signature = CmsDetachedSignature.Verify(manifestJson, manifestSignature, root);
        if (!signature.IsValid)
        {
            return Fail($"{ArchiveManifest.FileName}: its signature ({ArchiveManifest.SignatureFileName}) is not valid — {signature.Failure}");
        }

        lines.Add($"{ArchiveManifest.FileName}: signature valid, signed by {signature.SignerSubject} at {signature.SigningTime:u}.");
        ArchiveManifest manifest;
        try
        {
            manifest = CanonicalJson.Deserialize<ArchiveManifest>(manifestJson);
        }
        catch (JsonException e)
        {
            return Fail($"{ArchiveManifest.FileName}: not a Cabinet manifest ({e.Message})");
        }

        if (manifest.Format != ArchiveManifest.CurrentFormat || manifest.Files is null)
        {
            return Fail($"{ArchiveManifest.FileName}: unknown archive format '{manifest.Format}'");
        }

        lines.Add($"Meeting \"{manifest.MeetingTitle}\" ({manifest.MeetingId}) of {manifest.Organisation}, closed {manifest.ClosedAt:u}.");
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!ArchivePaths.IsSafe(file.Path) || file.Path is ArchiveManifest.FileName or ArchiveManifest.SignatureFileName || !listed.Add(file.Path))
            {
                return Fail($"{ArchiveManifest.FileName}: lists '{file.Path}', which is unsafe or listed twice");
            }
        }

        if (source.Paths.FirstOrDefault(p => !listed.Contains(p) && p is not (ArchiveManifest.FileName or ArchiveManifest.SignatureFileName)) is { } extra)
        {
            return Fail($"{extra}: not listed in the manifest — nothing may be added to a sealed archive");
        }

        if (new[] { ArchivePaths.Minutes, ArchivePaths.Ledger, ArchivePaths.Documents }.FirstOrDefault(p => !listed.Contains(p)) is { } required)
        {
            return Fail($"{required}: missing from the manifest");
        }

        lines.Add($"No file was added: every one of the {source.Paths.Count - 2} files is listed in the manifest.");
        var content = new ArchiveContentChecks(source, manifest, root, checks);
        foreach (var file in manifest.Files)
        {
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

            lines.Add($"{file.Path}: {file.Size} bytes, SHA-256 matches the manifest{(detail is null ? "" : $"; {detail}")}.");
        }

        lines.Add("The archive is intact.");
        return new(lines, null);
    }
}
