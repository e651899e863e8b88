using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The floor of one agenda item: who waits to speak (in order), the last <see cref="RecentSpeeches"/> finished speeches
/// (oldest first) and how many speeches it has had in all. The full list is in the meeting's ledger (one
/// <c>floor.speech-ended</c> entry each), where the minutes read it: the state and every floor event stay the same size
/// however long the debate.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.item-floor")]
public sealed record ItemFloor(string ItemId, ImmutableArray<FloorRequest> Queue, ImmutableArray<Speech> Speeches, int SpeechCount = 0)
{
    public const int RecentSpeeches = 10;

    public static ItemFloor EmptyFor(string itemId) => new(itemId, [], []);

    /// <summary>Finished speeches in all (a state stored before the count existed holds them all in <see cref="Speeches"/>).</summary>
    public int Finished => Math.Max(SpeechCount, Speeches.IsDefault ? 0 : Speeches.Length);

    public FloorRequest? RequestOf(string userName) => Queue.FirstOrDefault(r => r.UserName == userName);

    /// <summary>This floor with <paramref name="ended"/> as its latest finished speech, only the recent ones kept.</summary>
    public ItemFloor WithFinished(Speech ended)
    {
        var recent = Speeches.Add(ended);
        return this with
        {
            Speeches = recent.Length > RecentSpeeches ? recent.RemoveRange(0, recent.Length - RecentSpeeches) : recent,
            SpeechCount = Finished + 1,
        };
    }

    public bool Equals(ItemFloor? other) =>
        other is not null && ItemId == other.ItemId && SpeechCount == other.SpeechCount
        && Queue.SequenceEqual(other.Queue) && Speeches.SequenceEqual(other.Speeches);

    public override int GetHashCode() => HashCode.Combine(ItemId, Queue.Length, Speeches.Length, SpeechCount);
}
