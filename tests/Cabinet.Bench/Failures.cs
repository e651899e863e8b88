using System.Collections.Concurrent;

namespace Cabinet.Bench;

/// <summary>
/// Every failed or refused operation of a run, by kind. Lost updates and lost or miscounted votes make the run fail;
/// everything is reported.
/// </summary>
public sealed class Failures
{
    public const string ConnectFailed = "connect failed";
    public const string Refused = "command refused";
    public const string MissingEvent = "missing event (lost update)";
    public const string NoReceipt = "ballot without receipt";
    public const string Miscounted = "miscounted vote";
    public const string MissingTally = "tally not shown";
    public const string TallyDiffers = "screen shows another tally";

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _examples = new();
    private readonly ConcurrentDictionary<string, int> _examplesPerKind = new(StringComparer.Ordinal);

    public int Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, int> Counts => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public IReadOnlyList<string> Examples => [.. _examples];

    public void Add(string kind, string detail, int count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        _counts.AddOrUpdate(kind, count, (_, c) => c + count);
        if (_examples.Count < 40 && _examplesPerKind.AddOrUpdate(kind, 1, (_, c) => c + 1) <= 3)
        {
            _examples.Enqueue($"{kind}: {detail}" + (count > 1 ? $" (×{count})" : ""));
        }
    }

    /// <summary>The counts since <paramref name="before"/> (a copy taken with <see cref="Counts"/>), as "kind n; kind n".</summary>
    public string Since(IReadOnlyDictionary<string, int> before) =>
        string.Join("; ", Counts.Select(c => (c.Key, N: c.Value - before.GetValueOrDefault(c.Key))).Where(c => c.N > 0).Select(c => $"{c.Key} {c.N}"));
}
