using System.Text.Json;
using StackExchange.Redis;

namespace Cabinet.Web.Operations;

/// <summary>
/// Every key of Cabinet's Redis database (Cabinet owns the database: its grain state, ledgers, documents, archives,
/// reminders, data-protection keys), one JSON line per key: the key, its time to live and its DUMP, put back with RESTORE.
/// </summary>
public static class RedisKeys
{
    public const string FileName = "redis.jsonl";

    private sealed record Line(string Key, long TtlMilliseconds, string Dump);

    public static async Task<int> SaveAsync(string connectionString, string file)
    {
        await using var redis = await ConnectAsync(connectionString);
        var db = redis.GetDatabase();
        var count = 0;
        await using var writer = new StreamWriter(file);
        await foreach (var key in Server(redis).KeysAsync(db.Database, pageSize: 500))
        {
            if (await db.KeyDumpAsync(key) is not { } dump)
            {
                continue; // expired or deleted between SCAN and DUMP
            }

            var ttl = await db.KeyTimeToLiveAsync(key);
            await writer.WriteLineAsync(JsonSerializer.Serialize(new Line(Convert.ToBase64String((byte[])key!), (long)(ttl?.TotalMilliseconds ?? 0), Convert.ToBase64String(dump))));
            count++;
        }

        return count;
    }

    /// <summary>Puts every key back; an existing key is replaced (a non-empty database is refused before, unless forced).</summary>
    public static async Task<int> RestoreAsync(string connectionString, string file)
    {
        await using var redis = await ConnectAsync(connectionString);
        var db = redis.GetDatabase();
        var count = 0;
        foreach (var text in File.ReadLines(file))
        {
            var line = JsonSerializer.Deserialize<Line>(text)!;
            await db.ExecuteAsync("RESTORE", (RedisKey)Convert.FromBase64String(line.Key), Math.Max(0, line.TtlMilliseconds), Convert.FromBase64String(line.Dump), "REPLACE");
            count++;
        }

        return count;
    }

    public static async Task<long> CountAsync(string connectionString)
    {
        await using var redis = await ConnectAsync(connectionString);
        return await Server(redis).DatabaseSizeAsync(redis.GetDatabase().Database);
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AllowAdmin = true; // DBSIZE
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    private static IServer Server(ConnectionMultiplexer redis) => redis.GetServers().Single(s => !s.IsReplica);
}
