using System.IO.Compression;

namespace Cabinet.Records.Archive;

/// <summary>Reads entries straight from the ZIP's streams: nothing is ever extracted to disk.</summary>
internal sealed class ZipArchiveSource : IArchiveSource
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

    public ZipArchiveSource(Stream stream, ArchiveLimits limits)
    {
        _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (_zip.Entries.Count > limits.MaxFiles)
        {
            throw new UnsafeArchiveException(ReportLanguage.Say($"hồ sơ có {_zip.Entries.Count} mục, quá {limits.MaxFiles} mục mà hồ sơ một cuộc họp được phép; từ chối hồ sơ",
                $"the archive holds {_zip.Entries.Count} entries, more than the {limits.MaxFiles} a meeting archive may; refusing it"));
        }

        foreach (var entry in _zip.Entries)
        {
            var isFolder = entry.FullName.EndsWith('/') && entry.Length == 0;
            var path = isFolder ? entry.FullName[..^1] : entry.FullName;
            if (!ArchivePaths.IsSafe(path))
            {
                throw new UnsafeArchiveException(ReportLanguage.Say($"mục '{entry.FullName}' có đường dẫn không an toàn (tuyệt đối, '..' hoặc dấu \\); từ chối hồ sơ",
                    $"archive entry '{entry.FullName}' has an unsafe path (absolute, '..' or backslash); refusing the archive"));
            }

            if (!isFolder && !_entries.TryAdd(path, entry))
            {
                throw new UnsafeArchiveException(ReportLanguage.Say($"mục '{entry.FullName}' xuất hiện hai lần; từ chối hồ sơ", $"archive entry '{entry.FullName}' appears twice; refusing the archive"));
            }
        }

        Paths = [.. _entries.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Paths { get; }

    public byte[]? Read(string path, long limit)
    {
        if (!_entries.TryGetValue(path, out var entry))
        {
            return null;
        }

        try
        {
            using var stream = entry.Open();
            return ReadCapped(stream, limit);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new UnsafeArchiveException(ReportLanguage.Say($"{path}: không đọc được mục ZIP ({e.Message})", $"{path}: the ZIP entry cannot be read ({e.Message})"));
        }
    }

    // The sizes in a ZIP's directory are the archive's claim; read no more than the manifest allows, plus one byte.
    internal static byte[] ReadCapped(Stream stream, long limit)
    {
        limit = Math.Clamp(limit, 0, long.MaxValue - 1);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (output.Length <= limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - output.Length))) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    public void Dispose() => _zip.Dispose();
}
