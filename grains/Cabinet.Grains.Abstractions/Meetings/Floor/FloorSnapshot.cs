using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The floor of a meeting: the default speaking time, who speaks now (one person at most, on the current item),
/// each agenda item's queue and recent speeches, and each speaker's totals over the meeting. Items appear once someone
/// asks to speak on them.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.floor")]
public sealed record FloorSnapshot(
    int DefaultSpeakingSeconds, Speech? Speaking, ImmutableArray<ItemFloor> Items, ImmutableArray<SpeakerStatistics> Speakers = default)
{
    public static FloorSnapshot Empty { get; } = new(FloorLimits.DefaultSpeakingSeconds, null, []);

    /// <summary>Never default (a floor stored before the totals existed reads without them): storage and the hub write arrays only.</summary>
    [Id(3)] public ImmutableArray<SpeakerStatistics> Speakers { get; init; } = Speakers.IsDefault ? [] : Speakers;

    /// <summary>The floor of one item (empty when nobody asked to speak on it yet).</summary>
    public ItemFloor For(string? itemId) =>
        Items.FirstOrDefault(i => i.ItemId == itemId) ?? ItemFloor.EmptyFor(itemId ?? "");

    public FloorSnapshot With(ItemFloor item)
    {
        var existing = Items.FirstOrDefault(i => i.ItemId == item.ItemId);
        return this with { Items = existing is null ? Items.Add(item) : Items.Replace(existing, item) };
    }

    /// <summary>This floor with <paramref name="ended"/> in its item's history and its speaker's totals; nobody speaks.</summary>
    public FloorSnapshot WithFinished(Speech ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var speakers = Totals();
        var before = speakers.FirstOrDefault(s => s.UserName == ended.UserName) ?? new SpeakerStatistics(ended.UserName, 0, 0, TimeSpan.Zero);
        var after = before with
        {
            Speeches = before.Speeches + 1,
            PointsOfOrder = before.PointsOfOrder + (ended.PointOfOrder ? 1 : 0),
            Total = before.Total + (ended.Duration ?? TimeSpan.Zero),
        };
        var item = For(ended.ItemId).WithFinished(ended);
        return With(item) with { Speaking = null, Speakers = speakers.Remove(before).Add(after) };
    }

    /// <summary>
    /// The event part saying what this floor is now, for the one item that changed and the speakers whose totals
    /// changed since <paramref name="previous"/>.
    /// </summary>
    public FloorUpdate UpdateFor(string? itemId, FloorSnapshot previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var before = previous.Totals();
        return new(DefaultSpeakingSeconds, Speaking, itemId is null ? null : For(itemId), [.. Totals().Where(s => !before.Contains(s))]);
    }

    public FloorSnapshot Apply(FloorUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var next = this with { DefaultSpeakingSeconds = update.DefaultSpeakingSeconds, Speaking = update.Speaking };
        if (!update.Speakers.IsDefaultOrEmpty)
        {
            var changed = update.Speakers.Select(s => s.UserName).ToHashSet(StringComparer.Ordinal);
            next = next with { Speakers = [.. Totals().Where(s => !changed.Contains(s.UserName)), .. update.Speakers] };
        }

        return update.Item is { } item ? next.With(item) : next;
    }

    /// <summary>Per person, over every item: finished speeches, points of order among them, and total time; longest first.</summary>
    public ImmutableArray<SpeakerStatistics> Statistics() => [.. Totals().OrderByDescending(s => s.Total)];

    /// <summary>
    /// The kept totals; a floor stored before they were kept holds every speech in its items, so they are counted
    /// from those.
    /// </summary>
    private ImmutableArray<SpeakerStatistics> Totals() =>
        !Speakers.IsDefaultOrEmpty ? Speakers
        : [.. Items.SelectMany(i => i.Speeches)
            .Where(s => s.Duration is not null)
            .GroupBy(s => s.UserName, StringComparer.Ordinal)
            .Select(g => new SpeakerStatistics(g.Key, g.Count(), g.Count(s => s.PointOfOrder), TimeSpan.FromTicks(g.Sum(s => s.Duration!.Value.Ticks))))];

    public bool Equals(FloorSnapshot? other) =>
        other is not null && DefaultSpeakingSeconds == other.DefaultSpeakingSeconds && Speaking == other.Speaking
        && Items.SequenceEqual(other.Items) && Totals().SequenceEqual(other.Totals());

    public override int GetHashCode() => HashCode.Combine(DefaultSpeakingSeconds, Speaking, Items.Length);
}
