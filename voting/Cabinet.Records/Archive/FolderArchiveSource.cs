namespace Cabinet.Records.Archive;

/// <summary>An archive someone unpacked; symbolic links are refused so no path can lead outside the folder.</summary>
internal sealed class FolderArchiveSource : IArchiveSource
{
    private readonly string _root;

    public FolderArchiveSource(string folder)
    {
        _root = Path.GetFullPath(folder);
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"No archive folder at {folder}.");
        }

        var paths = new List<string>();
        foreach (var entry in new DirectoryInfo(_root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw new UnsafeArchiveException($"'{relative}' is a link; refusing the archive folder");
            }

            if (entry is FileInfo)
            {
                paths.Add(relative);
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

        using var stream = File.OpenRead(Path.Combine(_root, path));
        return ZipArchiveSource.ReadCapped(stream, limit);
    }

    public void Dispose()
    {
    }
}
