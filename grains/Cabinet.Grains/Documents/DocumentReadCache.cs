namespace Cabinet.Documents;

/// <summary>
/// The most recently read document files, opened, kept in memory up to a byte budget (least recently read dropped
/// first). A file is named by the SHA-256 of its content and never changes, so a kept copy is never stale, on any host.
/// When an agenda item opens, every screen in the room asks for the same file at once: it is read from the store and
/// opened once, not once per screen. Files larger than a quarter of the budget are not kept.
/// </summary>
public sealed class DocumentReadCache(IDocumentBlobStore store, long budgetBytes) : IDocumentBlobStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Sha256, ArraySegment<byte> Content)>> _kept = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Sha256, ArraySegment<byte> Content)> _byLastRead = new();
    private long _keptBytes;

    public Task PutAsync(string sha256, Stream content, CancellationToken cancellationToken = default) =>
        store.PutAsync(sha256, content, cancellationToken);

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (Find(sha256) is { } kept)
        {
            return DocumentContent.Reading(kept);
        }

        var opened = await store.OpenAsync(sha256, cancellationToken);
        if (opened is MemoryStream memory && memory.TryGetBuffer(out var content))
        {
            Keep(sha256, content);
        }

        return opened;
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        Find(sha256) is null ? store.ExistsAsync(sha256, cancellationToken) : Task.FromResult(true);

    private ArraySegment<byte>? Find(string sha256)
    {
        lock (_lock)
        {
            if (!_kept.TryGetValue(sha256, out var node))
            {
                return null;
            }

            _byLastRead.Remove(node);
            _byLastRead.AddFirst(node);
            return node.Value.Content;
        }
    }

    private void Keep(string sha256, ArraySegment<byte> content)
    {
        if (content.Count > budgetBytes / 4)
        {
            return;
        }

        lock (_lock)
        {
            if (_kept.ContainsKey(sha256))
            {
                return;
            }

            _kept[sha256] = _byLastRead.AddFirst((sha256, content));
            _keptBytes += content.Count;
            while (_keptBytes > budgetBytes && _byLastRead.Last is { } oldest)
            {
                _byLastRead.RemoveLast();
                _kept.Remove(oldest.Value.Sha256);
                _keptBytes -= oldest.Value.Content.Count;
            }
        }
    }
}
