using Cabinet.Encryption;

namespace Cabinet.Documents;

/// <summary>
/// Document files under <c>&lt;DataPath&gt;/documents/ab/abcdef…</c> (embedded mode), named by the SHA-256 of their plaintext
/// and sealed under the installation's data key (one file may serve several organisations' meetings). Each file is
/// checked against its hash, sealed, written to a temporary name, flushed and then renamed into place, so a reader
/// never sees half a file.
/// </summary>
public sealed class FileDocumentBlobStore(string dataPath, RecordCipher cipher) : IDocumentBlobStore
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

        var plaintext = await DocumentContent.ReadCheckedAsync(sha256, content, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file.WriteAsync(cipher.Seal(DocumentContent.RecordOf(sha256), plaintext.Span), cancellationToken);
                file.Flush(flushToDisk: true);
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

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var path = PathOf(sha256);
        return File.Exists(path)
            ? DocumentContent.Reading(cipher.OpenInPlace(DocumentContent.RecordOf(sha256), await File.ReadAllBytesAsync(path, cancellationToken)))
            : null;
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(sha256)));

    private string PathOf(string sha256) => Path.Combine(_folder, BlobHash.Require(sha256)[..2], sha256);
}
