using Cabinet.Voting.Ledger;
using StackExchange.Redis;

namespace Cabinet.Ledger;

/// <summary>
/// The Redis mode's journal: one list per meeting (<c>cabinet:ledger:&lt;meetingId&gt;</c>), entry n at index n − 1, each
/// a canonical JSON string. An append is a script that pushes only if the list still ends where the writer thinks, so a
/// retried or stale append can never duplicate or reorder entries.
/// </summary>
public sealed class RedisLedgerJournal(string connectionString) : ILedgerJournal
{
    private const int Batch = 500;

    private const string AppendScript = """
        local length = redis.call('LLEN', KEYS[1])
        if length ~= tonumber(ARGV[1]) then return -1 - length end
        return redis.call('RPUSH', KEYS[1], unpack(ARGV, 2))
        """;

    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(connectionString));

    private IDatabase Database => _redis.Value.GetDatabase();

    public async Task AppendAsync(string meetingId, IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var chunk in entries.Chunk(Batch))
        {
            RedisValue[] values = [chunk[0].Sequence - 1, .. chunk.Select(e => (RedisValue)LedgerLines.WriteOne(e))];
            var pushed = (long)await Database.ScriptEvaluateAsync(AppendScript, [Key(meetingId)], values);
            if (pushed < 0)
            {
                throw new LedgerJournalException($"The journal of {meetingId} ends at {-1 - pushed}; entry {chunk[0].Sequence} cannot follow it.");
            }
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string meetingId, long fromSequence, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var start = Math.Max(1, fromSequence) - 1;
        var values = await Database.ListRangeAsync(Key(meetingId), start, start + count - 1);
        return [.. values.Select(v => LedgerLines.Read((byte[])v!))];
    }

    public Task<long> LastSequenceAsync(string meetingId) => Database.ListLengthAsync(Key(meetingId));

    public Task TruncateAfterAsync(string meetingId, long sequence) => sequence <= 0
        ? Database.KeyDeleteAsync(Key(meetingId))
        : Database.ListTrimAsync(Key(meetingId), 0, sequence - 1);

    private static RedisKey Key(string meetingId) => $"cabinet:ledger:{meetingId}";
}
