using Cabinet.Encryption;
using StackExchange.Redis;

namespace Cabinet.Documents;

/// <summary>
/// Document files in Redis (cluster mode), shared by every host: one string per hash of the plaintext, holding the
/// sealed file, set only if absent.
/// Files are at most the configured upload limit (50 MB by default), well under Redis's 512 MB per value.
/// </summary>
public sealed class RedisDocumentBlobStore(string connectionString, RecordCipher cipher) : IDocumentBlobStore
{
    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(connectionString));

    public async Task PutAsync(string sha256, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Key(sha256);
        var db = _redis.Value.GetDatabase();
        if (await db.KeyExistsAsync(key))
        {
            return;
        }

        var plaintext = await DocumentContent.ReadCheckedAsync(sha256, content, cancellationToken);
        await db.StringSetAsync(key, cipher.Seal(DocumentContent.RecordOf(sha256), plaintext.Span), when: When.NotExists);
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var value = await _redis.Value.GetDatabase().StringGetAsync(Key(sha256));
        return value.IsNull ? null : DocumentContent.Reading(cipher.OpenInPlace(DocumentContent.RecordOf(sha256), (byte[])value!));
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        _redis.Value.GetDatabase().KeyExistsAsync(Key(sha256));

    private static RedisKey Key(string sha256) => $"cabinet:document:{BlobHash.Require(sha256)}";
}
