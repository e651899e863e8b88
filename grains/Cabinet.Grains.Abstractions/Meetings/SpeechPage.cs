using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>The finished speeches recorded in one page of the meeting's ledger; <see cref="NextSequence"/> is null on the last.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.speech-page")]
public sealed record SpeechPage(ImmutableArray<SpokenTurn> Speeches, long? NextSequence);

/// <summary>One finished speech as the ledger keeps it (<paramref name="Ending"/>: how it ended, when known).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.spoken-turn")]
public sealed record SpokenTurn(string ItemId, string UserName, DateTimeOffset StartedAt, int Seconds, bool PointOfOrder, int LimitSeconds, string? Ending);
