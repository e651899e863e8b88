using StackExchange.Redis;

namespace Cabinet.Encryption;

/// <summary>The Redis mode's data keys: one hash (<c>cabinet:data-keys</c>), a field per key id, shared by every host.</summary>
public sealed class RedisDataKeyStore(string connectionString) : IDataKeyStore
{
    public const string Key = "cabinet:data-keys";

    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(connectionString));

    private IDatabase Database => _redis.Value.GetDatabase();

    public IReadOnlyList<StoredDataKey> Load() => [.. Database.HashGetAll(Key).Select(f => DataKeyJson.Read((byte[])f.Value!))];

    public bool TryAdd(StoredDataKey key) => Database.HashSet(Key, key.Id, DataKeyJson.Write(key), When.NotExists);

    public void ReplaceAll(IReadOnlyList<StoredDataKey> keys)
    {
        var transaction = Database.CreateTransaction();
        _ = transaction.KeyDeleteAsync(Key);
        _ = transaction.HashSetAsync(Key, [.. keys.Select(k => new HashEntry(k.Id, DataKeyJson.Write(k)))]);
        transaction.Execute();
    }
}
