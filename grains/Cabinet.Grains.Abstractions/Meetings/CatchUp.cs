using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// What a client that fell behind needs: the missed events in order, or — when they are older than the
/// meeting's recent-event buffer — a full snapshot to start again from.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.catch-up")]
public sealed record CatchUp(ImmutableArray<MeetingEvent> Events, MeetingSnapshot? Snapshot);
