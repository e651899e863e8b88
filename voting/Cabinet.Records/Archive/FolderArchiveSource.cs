namespace Cabinet.Records.Archive;

/// <summary>
/// An archive someone unpacked. Only regular files are read: a symbolic link (which could lead outside the folder),
/// a FIFO (which would block the reader), a device or a socket refuses the whole folder before anything is opened.
/// </summary>
internal sealed class FolderArchiveSource : IArchiveSource
{
    private readonly string _root;

    public FolderArchiveSource(string folder, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        _root = Path.GetFullPath(folder);
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException(ReportLanguage.Say($"Không có thư mục hồ sơ tại {folder}.", $"No archive folder at {folder}."));
        }

        var paths = new List<string>();
        foreach (var entry in new DirectoryInfo(_root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw new UnsafeArchiveException(ReportLanguage.Say($"'{relative}' là liên kết (link); từ chối thư mục hồ sơ", $"'{relative}' is a link; refusing the archive folder"));
            }

            if (entry is FileInfo)
            {
                if (!RegularFiles.IsRegularFile(entry.FullName))
                {
                    throw new UnsafeArchiveException(ReportLanguage.Say($"'{relative}' không phải tệp thường (pipe, thiết bị hoặc socket); từ chối thư mục hồ sơ",
                        $"'{relative}' is not a regular file (a pipe, device or socket); refusing the archive folder"));
                }

                paths.Add(relative);
            }

            if (paths.Count > limits.MaxFiles)
            {
                throw new UnsafeArchiveException(ReportLanguage.Say($"thư mục có hơn {limits.MaxFiles} tệp; từ chối thư mục", $"the folder holds more than {limits.MaxFiles} files; refusing it"));
            }
        }

        Paths = [.. paths.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Paths { get; }

    public byte[]? Read(string path, long limit)
    {
        if (!ArchivePaths.IsSafe(path) || !Paths.Contains(path, StringComparer.Ordinal))
        {
            return null;
        }

        // Checked again right before opening: the folder may have changed since it was listed.
        var full = Path.Combine(_root, path);
        if (!RegularFiles.IsRegularFile(full))
        {
            throw new UnsafeArchiveException(ReportLanguage.Say($"'{path}' không còn là tệp thường; từ chối thư mục hồ sơ", $"'{path}' is no longer a regular file; refusing the archive folder"));
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        return ZipArchiveSource.ReadCapped(stream, limit);
    }

    public void Dispose()
    {
    }
}
