namespace Cabinet.Meetings;

/// <summary>
/// One turn at the floor on an agenda item: who, since when, for how long they may speak (a limit shown as a
/// countdown, never enforced by Cabinet), who granted it and — once over — when, by whom and why it ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.speech")]
public sealed record Speech(
    string ItemId,
    string UserName,
    string Topic,
    bool PointOfOrder,
    DateTimeOffset StartedAt,
    int LimitSeconds,
    string GrantedBy,
    DateTimeOffset? EndedAt = null,
    string? EndedBy = null,
    SpeechEnding? Ending = null)
{
    /// <summary>How long the speech lasted; null while it runs.</summary>
    public TimeSpan? Duration => EndedAt - StartedAt;

    public Speech End(DateTimeOffset at, string by, SpeechEnding ending) => this with { EndedAt = at, EndedBy = by, Ending = ending };
}
