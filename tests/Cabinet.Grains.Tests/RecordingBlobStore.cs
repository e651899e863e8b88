using System.Collections.Concurrent;
using Cabinet.Documents;

namespace Cabinet.Grains.Tests;

/// <summary>The silo's document store as the grain tests see it: every file opened for reading is recorded by its hash.</summary>
public sealed class RecordingBlobStore(IDocumentBlobStore store, ConcurrentQueue<string> opened) : IDocumentBlobStore
{
    public Task PutAsync(string sha256, Stream content, CancellationToken cancellationToken = default) => store.PutAsync(sha256, content, cancellationToken);

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        opened.Enqueue(sha256);
        return store.OpenAsync(sha256, cancellationToken);
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => store.ExistsAsync(sha256, cancellationToken);
}
