using System.Security.Cryptography;

namespace Cabinet.Documents;

/// <summary>
/// Document files under <c>&lt;DataPath&gt;/documents/ab/abcdef…</c> (embedded mode). Each file is written to a
/// temporary name, checked against its hash, flushed and then renamed into place, so a reader never sees half a file.
/// </summary>
public sealed class FileDocumentBlobStore(string dataPath) : IDocumentBlobStore
{
    private readonly string _folder = Path.Combine(dataPath, "documents");

    public string Folder => _folder;

    public async Task PutAsync(string sha256, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                file.Flush(flushToDisk: true);
            }

            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
            {
                throw new InvalidDataException("The content does not match its SHA-256.");
            }

            File.Move(temp, path, overwrite: false);
            Storage.PrivateFiles.SyncFolder(Path.GetDirectoryName(path)!);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone stored the same content at the same time: one copy is enough.
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(sha256)));

    private string PathOf(string sha256) => Path.Combine(_folder, BlobHash.Require(sha256)[..2], sha256);
}
