using System.IO.Compression;

namespace Cabinet.Records.Tests.Support;

/// <summary>Copies a ZIP entry by entry, letting a test change, drop or add entries: the tamperer's tool.</summary>
public static class ZipRewriter
{
    public static byte[] Rewrite(byte[] zip, Func<string, byte[], byte[]?> change, params (string Path, byte[] Content)[] add)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var buffer = new MemoryStream();
                read.CopyTo(buffer);
                if (change(entry.FullName, buffer.ToArray()) is { } content)
                {
                    Write(target, entry.FullName, content);
                }
            }

            foreach (var (path, content) in add)
            {
                Write(target, path, content);
            }
        }

        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string path, byte[] content)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(content);
    }
}
