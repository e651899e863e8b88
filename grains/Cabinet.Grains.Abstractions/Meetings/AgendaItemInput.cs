namespace Cabinet.Meetings;

/// <summary>What a chair or secretary types for an agenda item; checked by the meeting grain before it is accepted.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.agenda-item-input")]
public sealed record AgendaItemInput(string Title, string? Presenter, int PlannedMinutes, string? Description);
