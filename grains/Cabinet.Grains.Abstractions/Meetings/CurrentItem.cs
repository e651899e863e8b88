namespace Cabinet.Meetings;

/// <summary>The agenda item under discussion and when the chair moved to it (clients show the elapsed time).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.current-item")]
public sealed record CurrentItem(string ItemId, DateTimeOffset StartedAt);
