using Cabinet.Encryption;
using StackExchange.Redis;

namespace Cabinet.Closing;

/// <summary>Archives in Redis (cluster mode), sealed, shared by every host; SET NX makes the first archive the only one.</summary>
public sealed class RedisArchiveStore(string connectionString, RecordCipher cipher) : IArchiveStore
{
    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(connectionString));

    public Task<bool> TryAddAsync(string meetingId, byte[] archive) =>
        _redis.Value.GetDatabase().StringSetAsync(Key(meetingId), cipher.Seal(FileArchiveStore.RecordOf(meetingId), archive), when: When.NotExists);

    public async Task<byte[]?> GetAsync(string meetingId) =>
        await _redis.Value.GetDatabase().StringGetAsync(Key(meetingId)) is { IsNull: false } value ? cipher.Open(FileArchiveStore.RecordOf(meetingId), (byte[])value!) : null;

    private static RedisKey Key(string meetingId) => $"cabinet:archive:{meetingId}";
}
