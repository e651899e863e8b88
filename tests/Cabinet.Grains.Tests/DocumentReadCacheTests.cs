using System.Security.Cryptography;
using Cabinet.Documents;
using Cabinet.Encryption;

namespace Cabinet.Grains.Tests;

/// <summary>
/// The read cache over the sealed file store: a file is read and opened once, later readers get the same bytes, the
/// budget holds, and a sealed file altered on disk is still refused when it is read (the cache never opens anything itself).
/// </summary>
public sealed class DocumentReadCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cabinet-readcache-").FullName;

    [Fact]
    public async Task A_file_is_opened_once_and_every_reader_gets_its_plaintext()
    {
        var counting = new CountingStore(new FileDocumentBlobStore(_folder, TestCiphers.In(_folder)));
        var cache = new DocumentReadCache(counting, budgetBytes: 4 * 1024 * 1024);
        var (sha, content) = await PutAsync(cache, 300_000);

        for (var reader = 0; reader < 5; reader++)
        {
            Assert.Equal(content, await ReadAsync(cache, sha));
        }

        Assert.Equal(1, counting.Opens);
        Assert.True(await cache.ExistsAsync(sha));
        Assert.Null(await cache.OpenAsync(new string('0', 64)));
    }

    [Fact]
    public async Task The_least_recently_read_file_goes_first_and_a_file_over_a_quarter_of_the_budget_is_never_kept()
    {
        var counting = new CountingStore(new FileDocumentBlobStore(_folder, TestCiphers.In(_folder)));
        var cache = new DocumentReadCache(counting, budgetBytes: 900_000);
        var (first, _) = await PutAsync(cache, 200_000);
        var (second, _) = await PutAsync(cache, 200_000);
        var (big, bigContent) = await PutAsync(cache, 400_000);

        await ReadAsync(cache, first);
        await ReadAsync(cache, second);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(bigContent, await ReadAsync(cache, big));
        }

        Assert.Equal(5, counting.Opens); // the big file each time

        var (third, _) = await PutAsync(cache, 200_000);
        var (fourth, _) = await PutAsync(cache, 200_000);
        var (fifth, _) = await PutAsync(cache, 200_000);
        await ReadAsync(cache, third);
        await ReadAsync(cache, first); // read again: now the most recent
        await ReadAsync(cache, fourth);
        await ReadAsync(cache, fifth); // 1,000,000 bytes would pass the budget: the least recently read (second) goes
        var opens = counting.Opens;
        await ReadAsync(cache, first);
        Assert.Equal(opens, counting.Opens);
        await ReadAsync(cache, second);
        Assert.Equal(opens + 1, counting.Opens);
    }

    [Fact]
    public async Task A_sealed_file_altered_on_disk_is_refused_and_nothing_is_kept()
    {
        var cache = new DocumentReadCache(new FileDocumentBlobStore(_folder, TestCiphers.In(_folder)), budgetBytes: 4 * 1024 * 1024);
        var (sha, _) = await PutAsync(cache, 10_000);
        var path = Path.Combine(_folder, "documents", sha[..2], sha);
        var stored = await File.ReadAllBytesAsync(path);
        Assert.True(Envelope.IsSealed(stored));
        stored[^1] ^= 1;
        await File.WriteAllBytesAsync(path, stored);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await Assert.ThrowsAnyAsync<CryptographicException>(() => cache.OpenAsync(sha));
        }
    }

    private static async Task<(string Sha256, byte[] Content)> PutAsync(IDocumentBlobStore store, int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await store.PutAsync(sha, new MemoryStream(content));
        return (sha, content);
    }

    private static async Task<byte[]> ReadAsync(IDocumentBlobStore store, string sha)
    {
        await using var stream = await store.OpenAsync(sha) ?? throw new InvalidOperationException("missing");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class CountingStore(IDocumentBlobStore store) : IDocumentBlobStore
    {
        public int Opens { get; private set; }

        public Task PutAsync(string sha256, Stream content, CancellationToken cancellationToken = default) => store.PutAsync(sha256, content, cancellationToken);

        public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
        {
            Opens++;
            return store.OpenAsync(sha256, cancellationToken);
        }

        public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => store.ExistsAsync(sha256, cancellationToken);
    }
}
