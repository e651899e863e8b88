using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// The floor part of a <see cref="MeetingEvent"/>: the new default speaking time and current speech (null: nobody
/// speaks), the new floor of the one agenda item that changed (null: no item changed), replacing that item's, and the
/// new totals of the speakers whose speech just ended (replacing theirs).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.floor-update")]
public sealed record FloorUpdate(int DefaultSpeakingSeconds, Speech? Speaking, ItemFloor? Item, ImmutableArray<SpeakerStatistics> Speakers = default)
{
    [Id(3)] public ImmutableArray<SpeakerStatistics> Speakers { get; init; } = Speakers.IsDefault ? [] : Speakers;
}
