using System.Collections.Immutable;
using Cabinet.Hosting;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.Voting.Ledger;
using StackExchange.Redis;

namespace Cabinet.Grains.Tests;

/// <summary>Reading a whole ledger through the paged API, the journal directly, and the meeting's stored state as bytes.</summary>
internal static class LedgerSteps
{
    /// <summary>Every entry, page by page, checking that each page says where the next one starts.</summary>
    public static async Task<ImmutableArray<LedgerEntry>> ReadLedgerAsync(this IMeetingGrain meeting, int pageSize = LedgerPage.MaxEntries)
    {
        var entries = ImmutableArray.CreateBuilder<LedgerEntry>();
        for (long? from = 1; from is { } next;)
        {
            var page = await meeting.GetLedgerPageAsync(ClusterFixture.Chair, next, pageSize);
            Assert.True(page.Ok, page.Error?.Code);
            Assert.InRange(page.Value!.Entries.Length, 0, Math.Min(pageSize, LedgerPage.MaxEntries));
            entries.AddRange(page.Value.Entries);
            Assert.Equal(page.Value.NextSequence ?? page.Value.LastSequence + 1, entries.Count + 1);
            from = page.Value.NextSequence;
        }

        return entries.ToImmutable();
    }

    /// <summary>A journal of its own on the cluster's store: the same files or the same Redis keys as the silo's.</summary>
    public static ILedgerJournal Journal(this ClusterFixture cluster, string name = "ledger") => cluster.Storage.UsesRedis
        ? new RedisLedgerJournal(cluster.Storage.RedisConnectionString!, cluster.Storage.Cipher!, name)
        : new FileLedgerJournal(cluster.Storage.DataPath, cluster.Storage.Cipher!, name);

    /// <summary>
    /// The meeting grain's main state as stored: the JSON file in embedded mode, the Redis value otherwise. The grain has
    /// smaller states beside it (followers, connections); the main one is the one that carries the ledger tail.
    /// </summary>
    public static Task<byte[]> StoredStateAsync(this ClusterFixture cluster, string meetingId) =>
        cluster.StoredStateAsync(meetingId, "\"Ledger\"");

    /// <summary>The state stored for the grain keyed <paramref name="key"/> (or one beside it) whose JSON holds <paramref name="marker"/>.</summary>
    public static async Task<byte[]> StoredStateAsync(this ClusterFixture cluster, string key, string marker)
    {
        var slug = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var candidates = new List<byte[]>();
        if (!cluster.Storage.UsesRedis)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(cluster.Storage.DataPath, "meetings"), $"*_2F{slug.Replace("/", "_2F", StringComparison.Ordinal)}.json"))
            {
                var stored = await File.ReadAllBytesAsync(file);
                candidates.Add(cluster.Storage.Cipher!.OpenAny(stored[(Array.IndexOf(stored, (byte)'\n') + 1)..]));
            }
        }
        else
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Storage.RedisConnectionString!);
            var db = redis.GetDatabase();
            foreach (var found in redis.GetServers()[0].Keys(pattern: $"*{slug}*"))
            {
                var type = await db.KeyTypeAsync(found);
                if (type is RedisType.Hash or RedisType.String) // journals are lists
                {
                    candidates.Add(cluster.Storage.Cipher!.OpenAny(type == RedisType.Hash
                        ? (await db.HashGetAllAsync(found)).Select(e => (byte[])e.Value!).MaxBy(v => v.Length)!
                        : (byte[])(await db.StringGetAsync(found))!));
                }
            }
        }

        return candidates.Single(c => System.Text.Encoding.UTF8.GetString(c).Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>How many ledger entries the stored state carries (the tail; the whole ledger before the journal).</summary>
    public static int LedgerEntriesIn(byte[] storedState)
    {
        var json = System.Text.Encoding.UTF8.GetString(storedState);
        var start = json.IndexOf('{', StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json[start..]);
        return document.RootElement.GetProperty("Ledger").GetArrayLength();
    }
}
