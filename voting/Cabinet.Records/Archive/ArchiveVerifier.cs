namespace Cabinet.Records.Archive;

/// <summary>
/// Verifies a sealed meeting archive without extracting it: the manifest's signature by the organisation that owns the
/// meeting (see <see cref="Trust.OrganisationCertificate"/>), every file's hash and size,
/// that nothing was added, the ledger's hash chain, every detached signature and the minutes' PDF signatures.
/// Whatever it is handed, it answers with a report: reading is bounded by <see cref="ArchiveLimits"/> and the
/// caller's cancellation token (a time budget), and no exception escapes.
/// </summary>
public static class ArchiveVerifier
{
    public static ArchiveVerificationReport Verify(Stream archive, ArchiveTrust trust, IReadOnlyList<ArchiveFileCheck>? checks = null,
        ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(trust);
        if (archive.CanSeek && archive.Length == 0)
        {
            return new([], ReportLanguage.Say("tệp rỗng: không phải hồ sơ lưu trữ Cabinet", "the file is empty: it is not a Cabinet archive")) { Code = VerdictCodes.Unreadable };
        }

        limits ??= ArchiveLimits.Default;
        return Guarded(ReportLanguage.Say("hồ sơ", "the archive"), () => new ZipArchiveSource(archive, limits), trust, checks, limits, cancellationToken);
    }

    /// <summary>An upload that is either an archive ZIP or a minutes PDF (recognised by its "%PDF-" header).</summary>
    public static ArchiveVerificationReport VerifyUpload(Stream upload, ArchiveTrust trust, IReadOnlyList<ArchiveFileCheck>? checks = null,
        ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        limits ??= ArchiveLimits.Default;
        return StartsWithPdfHeader(upload)
            ? MinutesFileVerifier.Verify(ZipArchiveSource.ReadCapped(upload, limits.MaxFileBytes), trust, limits.Pdf, cancellationToken)
            : Verify(upload, trust, checks, limits, cancellationToken);
    }

    public static ArchiveVerificationReport VerifyFolder(string folder, ArchiveTrust trust, IReadOnlyList<ArchiveFileCheck>? checks = null,
        ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(trust);
        limits ??= ArchiveLimits.Default;
        return Guarded(ReportLanguage.Say("thư mục hồ sơ", "the archive folder"), () => new FolderArchiveSource(folder, limits, cancellationToken), trust, checks, limits, cancellationToken);
    }

    /// <summary>
    /// A ZIP file, an unpacked folder or a minutes PDF (a file starting "%PDF-") at <paramref name="path"/> (the caller's own path may be a link; links inside a
    /// folder are refused); anything else (a pipe, a device) is refused unopened.
    /// </summary>
    public static ArchiveVerificationReport VerifyPath(string path, ArchiveTrust trust, IReadOnlyList<ArchiveFileCheck>? checks = null,
        ArchiveLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return VerifyFolder(path, trust, checks, limits, cancellationToken);
        }

        if (!RegularFiles.IsRegularFile(path, followLinks: true))
        {
            return new([], ReportLanguage.Say($"{path}: không phải tệp thường hay thư mục (không tồn tại, hoặc là pipe, socket, thiết bị); không đọc gì",
                $"{path}: not a regular file or folder (missing, a pipe, a socket or a device); nothing was read")) { Code = VerdictCodes.Unreadable };
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.SequentialScan);
        limits ??= ArchiveLimits.Default;
        if (StartsWithPdfHeader(file))
        {
            // A minutes PDF forwarded on its own.
            var pdf = ZipArchiveSource.ReadCapped(file, limits.MaxFileBytes);
            return pdf.Length > limits.MaxFileBytes
                ? new([], ReportLanguage.Say($"{path}: lớn hơn {limits.MaxFileBytes} byte mà trình kiểm tra đọc",
                    $"{path}: larger than the {limits.MaxFileBytes} bytes the verifier reads")) { Code = VerdictCodes.PdfUnreadable }
                : MinutesFileVerifier.Verify(pdf, trust, limits.Pdf, cancellationToken);
        }

        return Verify(file, trust, checks, limits, cancellationToken);
    }

    internal static bool StartsWithPdfHeader(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        var header = new byte[5];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == header.Length && header.AsSpan().SequenceEqual("%PDF-"u8);
    }

    private static ArchiveVerificationReport Guarded(string what, Func<IArchiveSource> open, ArchiveTrust trust,
        IReadOnlyList<ArchiveFileCheck>? checks, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        var run = new ArchiveCheckRun(trust, checks ?? [], limits, cancellationToken);
        try
        {
            using var source = open();
            return run.Verify(source);
        }
        catch (UnsafeArchiveException e)
        {
            return run.Fail(VerdictCodes.Unreadable, e.Message);
        }
        catch (InvalidDataException e) when (run.CurrentFile is null)
        {
            return run.Fail(VerdictCodes.Unreadable, ReportLanguage.Say($"tệp không phải tệp ZIP đọc được ({e.Message})", $"the file is not a readable ZIP archive ({e.Message})"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return run.Fail(VerdictCodes.TimedOut, ReportLanguage.Say($"{run.CurrentFile ?? what}: không đọc xong — việc kiểm tra vượt quá thời gian cho phép nên đã dừng",
                $"{run.CurrentFile ?? what}: unreadable — the check took longer than its time budget and was stopped"));
        }
#pragma warning disable CA1031 // The verifier's one boundary: an archive from anyone ends in a report, never in an escaped exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return run.Fail(VerdictCodes.Unreadable, ReportLanguage.Say($"không đọc được: {run.CurrentFile ?? what} ({e.GetType().Name}: {e.Message})",
                $"unreadable: {run.CurrentFile ?? what} ({e.GetType().Name}: {e.Message})"));
        }
    }
}
