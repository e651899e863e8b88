using Cabinet.Encryption;
using Cabinet.Voting.Ledger;
using StackExchange.Redis;

namespace Cabinet.Ledger;

/// <summary>
/// The Redis mode's journal: one list per meeting (<c>cabinet:ledger:&lt;meetingId&gt;</c>), each entry a canonical JSON
/// string, sealed (<see cref="LedgerLines"/>). Entry n sits at index n − 1 − dropped, where dropped (<c>…:dropped</c>, absent for a meeting, which never
/// drops) counts the entries retention removed from the front. An append is a script that pushes only if the journal
/// still ends where the writer thinks, so a retried or stale append can never duplicate or reorder entries.
/// </summary>
public sealed class RedisLedgerJournal(string connectionString, RecordCipher cipher, string name = "ledger") : ILedgerJournal
{
    private const int Batch = 500;

    private readonly LedgerLines _lines = new(cipher, name);

    private const string AppendScript = """
        local length = redis.call('LLEN', KEYS[1]) + tonumber(redis.call('GET', KEYS[2]) or '0')
        if length ~= tonumber(ARGV[1]) then return -1 - length end
        return redis.call('RPUSH', KEYS[1], unpack(ARGV, 2))
        """;

    private const string ReadScript = """
        local dropped = tonumber(redis.call('GET', KEYS[2]) or '0')
        local last = tonumber(ARGV[2]) - dropped
        if last < 0 then return {} end
        return redis.call('LRANGE', KEYS[1], math.max(tonumber(ARGV[1]) - dropped, 0), last)
        """;

    private const string LastScript = "return redis.call('LLEN', KEYS[1]) + tonumber(redis.call('GET', KEYS[2]) or '0')";

    private const string TruncateScript = """
        local dropped = tonumber(redis.call('GET', KEYS[2]) or '0')
        if tonumber(ARGV[1]) <= dropped then redis.call('DEL', KEYS[1]) return 0 end
        redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[1]) - 1 - dropped)
        return 0
        """;

    private const string DropScript = """
        local dropped = tonumber(redis.call('GET', KEYS[2]) or '0')
        local through = tonumber(ARGV[1])
        if through <= dropped then return dropped end
        redis.call('LTRIM', KEYS[1], through - dropped, -1)
        redis.call('SET', KEYS[2], through)
        return through
        """;

    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(connectionString));

    private IDatabase Database => _redis.Value.GetDatabase();

    public async Task AppendAsync(string meetingId, IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var chunk in entries.Chunk(Batch))
        {
            RedisValue[] values = [chunk[0].Sequence - 1, .. chunk.Select(e => (RedisValue)_lines.WriteOne(meetingId, e))];
            var pushed = (long)await Database.ScriptEvaluateAsync(AppendScript, Keys(meetingId), values);
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
        var values = (RedisValue[])(await Database.ScriptEvaluateAsync(ReadScript, Keys(meetingId), [start, start + count - 1]))!;
        return [.. values.Select(v => _lines.ReadOne(meetingId, (byte[])v!))];
    }

    public async Task<long> LastSequenceAsync(string meetingId) => (long)await Database.ScriptEvaluateAsync(LastScript, Keys(meetingId));

    public Task TruncateAfterAsync(string meetingId, long sequence) =>
        Database.ScriptEvaluateAsync(TruncateScript, Keys(meetingId), [Math.Max(0, sequence)]);

    public Task DropThroughAsync(string meetingId, long sequence) => Database.ScriptEvaluateAsync(DropScript, Keys(meetingId), [sequence]);

    private RedisKey[] Keys(string meetingId) => [$"cabinet:{name}:{meetingId}", $"cabinet:{name}:{meetingId}:dropped"];
}
