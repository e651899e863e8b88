using System.Security.Cryptography;
using System.Text;
using Cabinet.Testing;
using StackExchange.Redis;

namespace Cabinet.Hub.Tests;

/// <summary>What an installation keeps, read raw: every file of its data folder and every value of its Redis database.</summary>
public static class RawStorage
{
    /// <summary>Each needle found anywhere in the stored bytes, with where ("…/meetings/x.json", "redis cabinet:document:…").</summary>
    public static async Task<List<string>> FindAsync(CabinetServerOptions installation, IReadOnlyDictionary<string, byte[]> needles)
    {
        var found = new List<string>();
        foreach (var (where, bytes) in await EverythingAsync(installation))
        {
            found.AddRange(needles.Where(n => bytes.AsSpan().IndexOf(n.Value) >= 0).Select(n => $"{n.Key} in {where}"));
        }

        return found;
    }

    /// <summary>A hash of the data folder (names and contents) and of every Redis value: equal when nothing changed.</summary>
    public static async Task<string> HashAsync(CabinetServerOptions installation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (where, content) in (await EverythingAsync(installation)).Select(e => (e.Where, Hash: Convert.ToHexStringLower(SHA256.HashData(e.Bytes))))
            .OrderBy(e => e.Where, StringComparer.Ordinal).ThenBy(e => e.Hash, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{where}\n{content}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<List<(string Where, byte[] Bytes)>> EverythingAsync(CabinetServerOptions installation)
    {
        var everything = Directory.EnumerateFiles(installation.DataPath, "*", SearchOption.AllDirectories)
            .Select(f => (f, File.ReadAllBytes(f))).ToList();
        if (installation.RedisConnectionString is not { } connection)
        {
            return everything;
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(connection);
        var db = redis.GetDatabase();
        foreach (var key in redis.GetServers()[0].Keys(db.Database, pageSize: 500))
        {
            var where = $"redis {key}";
            IEnumerable<RedisValue> values = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => [await db.StringGetAsync(key)],
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }),
                RedisType.List => await db.ListRangeAsync(key),
                RedisType.Set => await db.SetMembersAsync(key),
                RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)),
                _ => [],
            };
            everything.AddRange(values.Where(v => !v.IsNull).Select(v => (where, (byte[])v!)));
        }

        return everything;
    }
}
