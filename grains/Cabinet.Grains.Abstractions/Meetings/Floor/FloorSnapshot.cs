using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The floor of a meeting: the default speaking time, who speaks now (one person at most, on the current item),
/// and each agenda item's queue and speeches. Items appear once someone asks to speak on them.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.floor")]
public sealed record FloorSnapshot(int DefaultSpeakingSeconds, Speech? Speaking, ImmutableArray<ItemFloor> Items)
{
    public static FloorSnapshot Empty { get; } = new(FloorLimits.DefaultSpeakingSeconds, null, []);

    /// <summary>The floor of one item (empty when nobody asked to speak on it yet).</summary>
    public ItemFloor For(string? itemId) =>
        Items.FirstOrDefault(i => i.ItemId == itemId) ?? ItemFloor.EmptyFor(itemId ?? "");

    public FloorSnapshot With(ItemFloor item)
    {
        var existing = Items.FirstOrDefault(i => i.ItemId == item.ItemId);
        return this with { Items = existing is null ? Items.Add(item) : Items.Replace(existing, item) };
    }

    /// <summary>The event part saying what this floor is now, for the one item that changed.</summary>
    public FloorUpdate UpdateFor(string? itemId) => new(DefaultSpeakingSeconds, Speaking, itemId is null ? null : For(itemId));

    public FloorSnapshot Apply(FloorUpdate update)
    {
        var next = this with { DefaultSpeakingSeconds = update.DefaultSpeakingSeconds, Speaking = update.Speaking };
        return update.Item is { } item ? next.With(item) : next;
    }

    /// <summary>Per person, over every item: finished speeches, points of order among them, and total time.</summary>
    public ImmutableArray<SpeakerStatistics> Statistics() =>
        Items.SelectMany(i => i.Speeches)
            .Where(s => s.Duration is not null)
            .GroupBy(s => s.UserName, StringComparer.Ordinal)
            .Select(g => new SpeakerStatistics(g.Key, g.Count(), g.Count(s => s.PointOfOrder), TimeSpan.FromTicks(g.Sum(s => s.Duration!.Value.Ticks))))
            .OrderByDescending(s => s.Total)
            .ToImmutableArray();

    public bool Equals(FloorSnapshot? other) =>
        other is not null && DefaultSpeakingSeconds == other.DefaultSpeakingSeconds && Speaking == other.Speaking
        && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(DefaultSpeakingSeconds, Speaking, Items.Length);
}
