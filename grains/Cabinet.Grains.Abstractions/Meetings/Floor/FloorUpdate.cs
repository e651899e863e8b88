namespace Cabinet.Meetings;

/// <summary>
/// The floor part of a <see cref="MeetingEvent"/>: the new default speaking time and current speech (null: nobody
/// speaks), and the new floor of the one agenda item that changed (null: no item changed), replacing that item's.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.floor-update")]
public sealed record FloorUpdate(int DefaultSpeakingSeconds, Speech? Speaking, ItemFloor? Item);
