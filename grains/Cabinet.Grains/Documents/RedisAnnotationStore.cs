using Cabinet.Encryption;
using StackExchange.Redis;

namespace Cabinet.Documents;

/// <summary>
/// The Redis mode's annotations: one hash per document (<c>cabinet:annotations:&lt;meetingId&gt;#&lt;documentId&gt;</c>),
/// one field per entry, each sealed. A put is one HSET of just the fields it names, so it is atomic and as large as those entries.
/// </summary>
public sealed class RedisAnnotationStore(string connectionString, RecordCipher cipher) : IAnnotationStore
{
    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(connectionString));

    private IDatabase Database => _redis.Value.GetDatabase();

    public async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(string meetingId, string documentId)
    {
        var fields = await Database.HashGetAllAsync(Key(meetingId, documentId));
        return fields.Where(f => AnnotationEntryName.IsValid(f.Name!)).ToDictionary(f => (string)f.Name!, f => cipher.Open(AnnotationEntryName.RecordOf(meetingId, documentId, f.Name!), (byte[])f.Value!), StringComparer.Ordinal);
    }

    public Task PutAsync(string meetingId, string documentId, IReadOnlyList<KeyValuePair<string, byte[]>> entries) =>
        entries.Count == 0
            ? Task.CompletedTask
            : Database.HashSetAsync(Key(meetingId, documentId), [.. entries.Select(e => new HashEntry(AnnotationEntryName.Require(e.Key), cipher.Seal(AnnotationEntryName.RecordOf(meetingId, documentId, e.Key), e.Value)))]);

    public Task RemoveAsync(string meetingId, string documentId, string name) =>
        Database.HashDeleteAsync(Key(meetingId, documentId), AnnotationEntryName.Require(name));

    private static RedisKey Key(string meetingId, string documentId)
    {
        AnnotationEntryName.RequireDocument(meetingId, documentId);
        return $"cabinet:annotations:{meetingId}#{documentId}";
    }
}
