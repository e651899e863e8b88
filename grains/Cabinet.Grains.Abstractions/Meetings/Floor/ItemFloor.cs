using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>The floor of one agenda item: who waits to speak (in order) and who spoke (oldest first).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.item-floor")]
public sealed record ItemFloor(string ItemId, ImmutableArray<FloorRequest> Queue, ImmutableArray<Speech> Speeches)
{
    public static ItemFloor EmptyFor(string itemId) => new(itemId, [], []);

    public FloorRequest? RequestOf(string userName) => Queue.FirstOrDefault(r => r.UserName == userName);

    public bool Equals(ItemFloor? other) =>
        other is not null && ItemId == other.ItemId && Queue.SequenceEqual(other.Queue) && Speeches.SequenceEqual(other.Speeches);

    public override int GetHashCode() => HashCode.Combine(ItemId, Queue.Length, Speeches.Length);
}
