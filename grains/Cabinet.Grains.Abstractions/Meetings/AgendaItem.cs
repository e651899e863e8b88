namespace Cabinet.Meetings;

[GenerateSerializer, Immutable, Alias("cabinet.agenda-item")]
public sealed record AgendaItem(string Id, string Title, string Presenter, int PlannedMinutes, string Description);
