using System.Globalization;
using System.Text.Json;
using Cabinet.Encryption;

namespace Cabinet.Storage;

/// <summary>
/// The embedded mode's reminder table: every reminder in one JSON file in the data folder (reminders.json), replaced
/// whole on each change (<see cref="PrivateFiles.Replace"/>), so Orleans reminders fire after a restart. One silo uses
/// the folder (the data-folder lock), so a lock in this process is all the concurrency there is. Small: a meeting holds
/// a few reminders while it is scheduled, a notice box one while it has mail to send. The file is sealed at rest like
/// everything else (its rows name meetings and people).
/// </summary>
public sealed class FileReminderTable(string dataPath, RecordCipher cipher) : IReminderTable
{
    private static readonly RecordName Record = new("reminders", RecordName.Installation);

    private readonly string _path = Path.Combine(PrivateFiles.Folder(dataPath), "reminders.json");
    private readonly Lock _gate = new();
    private Dictionary<(string Grain, string Name), Row>? _rows;
    private long _nextETag;

    public Task Init() => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var grain = grainId.ToString();
        return Read(rows => rows.Where(r => r.Key.Grain == grain));
    }

    /// <summary>The reminders whose grain hash is in the ring range (begin, end], which wraps when begin ≥ end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => Read(rows => rows.Where(r =>
    {
        var hash = r.Value.Entry(r.Key).GrainId.GetUniformHashCode();
        return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
    }));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        lock (_gate)
        {
            var key = (grainId.ToString(), reminderName);
            return Task.FromResult(Rows.TryGetValue(key, out var row) ? row.Entry(key) : null);
        }
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var etag = (++_nextETag).ToString(CultureInfo.InvariantCulture);
            Rows[(entry.GrainId.ToString(), entry.ReminderName)] = new Row(entry.StartAt, entry.Period, etag);
            Save();
            return Task.FromResult<string?>(etag);
        }
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (_gate)
        {
            var key = (grainId.ToString(), reminderName);
            if (!Rows.TryGetValue(key, out var row) || row.ETag != eTag)
            {
                return Task.FromResult(false);
            }

            Rows.Remove(key);
            Save();
            return Task.FromResult(true);
        }
    }

    public Task TestOnlyClearTable()
    {
        lock (_gate)
        {
            Rows.Clear();
            Save();
            return Task.CompletedTask;
        }
    }

    private Task<ReminderTableData> Read(Func<IEnumerable<KeyValuePair<(string Grain, string Name), Row>>, IEnumerable<KeyValuePair<(string Grain, string Name), Row>>> pick)
    {
        lock (_gate)
        {
            return Task.FromResult(new ReminderTableData(pick(Rows).Select(r => r.Value.Entry(r.Key)).ToList()));
        }
    }

    /// <summary>The table, read from the file the first time (under the lock).</summary>
    private Dictionary<(string Grain, string Name), Row> Rows
    {
        get
        {
            if (_rows is null)
            {
                var stored = File.Exists(_path) ? JsonSerializer.Deserialize<List<StoredRow>>(cipher.Open(Record, File.ReadAllBytes(_path))) ?? [] : [];
                _rows = stored.ToDictionary(r => (r.Grain, r.Name), r => new Row(r.StartAt, TimeSpan.FromTicks(r.PeriodTicks), r.ETag));
                _nextETag = stored.Select(r => long.TryParse(r.ETag, CultureInfo.InvariantCulture, out var e) ? e : 0).DefaultIfEmpty(0).Max();
            }

            return _rows;
        }
    }

    private void Save() => PrivateFiles.Replace(_path, cipher.Seal(Record, JsonSerializer.SerializeToUtf8Bytes(
        Rows.Select(r => new StoredRow(r.Key.Grain, r.Key.Name, r.Value.StartAt, r.Value.Period.Ticks, r.Value.ETag)).ToList())));

    private sealed record Row(DateTime StartAt, TimeSpan Period, string ETag)
    {
        public ReminderEntry Entry((string Grain, string Name) key) => new()
        {
            GrainId = GrainId.Parse(key.Grain),
            ReminderName = key.Name,
            StartAt = StartAt,
            Period = Period,
            ETag = ETag,
        };
    }

    private sealed record StoredRow(string Grain, string Name, DateTime StartAt, long PeriodTicks, string ETag);
}
