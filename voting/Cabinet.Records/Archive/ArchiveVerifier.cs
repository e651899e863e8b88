using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Records.Archive;

/// <summary>
/// Verifies a sealed meeting archive without extracting it: the manifest's signature, every file's hash and size,
/// that nothing was added, the ledger's hash chain, every detached signature and the minutes' PDF signatures.
/// Whatever it is handed, it answers with a report: reading is bounded by <see cref="ArchiveLimits"/> and the
/// caller's cancellation token (a time budget), and no exception escapes.
/// </summary>
public static class ArchiveVerifier
{
    public static ArchiveVerificationReport Verify(Stream archive, X509Certificate2 trustedRoot, IReadOnlyList<ArchiveFileCheck>? checks = null,
        ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(trustedRoot);
        if (archive.CanSeek && archive.Length == 0)
        {
            return new([], "the file is empty: it is not a Cabinet archive");
        }

        limits ??= ArchiveLimits.Default;
        return Guarded("the archive", () => new ZipArchiveSource(archive, limits), trustedRoot, checks, limits, cancellationToken);
    }

    public static ArchiveVerificationReport VerifyFolder(string folder, X509Certificate2 trustedRoot, IReadOnlyList<ArchiveFileCheck>? checks = null,
        ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(trustedRoot);
        limits ??= ArchiveLimits.Default;
        return Guarded("the archive folder", () => new FolderArchiveSource(folder, limits, cancellationToken), trustedRoot, checks, limits, cancellationToken);
    }

    /// <summary>
    /// A ZIP file or an unpacked folder at <paramref name="path"/> (the caller's own path may be a link; links inside a
    /// folder are refused); anything else (a pipe, a device) is refused unopened.
    /// </summary>
    public static ArchiveVerificationReport VerifyPath(string path, X509Certificate2 trustedRoot, IReadOnlyList<ArchiveFileCheck>? checks = null,
        ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return VerifyFolder(path, trustedRoot, checks, limits, cancellationToken);
        }

        if (!RegularFiles.IsRegularFile(path, followLinks: true))
        {
            return new([], $"{path}: not a regular file or folder (missing, a pipe, a socket or a device); nothing was read");
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.SequentialScan);
        return Verify(file, trustedRoot, checks, limits, cancellationToken);
    }

    private static ArchiveVerificationReport Guarded(string what, Func<IArchiveSource> open, X509Certificate2 root,
        IReadOnlyList<ArchiveFileCheck>? checks, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        var run = new ArchiveCheckRun(root, checks ?? [], limits, cancellationToken);
        try
        {
            using var source = open();
            return run.Verify(source);
        }
        catch (UnsafeArchiveException e)
        {
            return run.Fail(e.Message);
        }
        catch (InvalidDataException e) when (run.CurrentFile is null)
        {
            return run.Fail($"the file is not a readable ZIP archive ({e.Message})");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return run.Fail($"{run.CurrentFile ?? what}: unreadable — the check took longer than its time budget and was stopped");
        }
#pragma warning disable CA1031 // The verifier's one boundary: an archive from anyone ends in a report, never in an escaped exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return run.Fail($"unreadable: {run.CurrentFile ?? what} ({e.GetType().Name}: {e.Message})");
        }
    }
}
