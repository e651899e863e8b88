using StackExchange.Redis;

namespace Cabinet.Closing;

/// <summary>Archives in Redis (cluster mode), shared by every host; SET NX makes the first archive the only one.</summary>
public sealed class RedisArchiveStore(string connectionString) : IArchiveStore
{
    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(connectionString));

    public Task<bool> TryAddAsync(string meetingId, byte[] archive) =>
        _redis.Value.GetDatabase().StringSetAsync(Key(meetingId), archive, when: When.NotExists);

    public async Task<byte[]?> GetAsync(string meetingId) => await _redis.Value.GetDatabase().StringGetAsync(Key(meetingId));

    private static RedisKey Key(string meetingId) => $"cabinet:archive:{meetingId}";
}
