namespace Cabinet.Meetings;

/// <param name="AddedDuringMeeting">Added while the meeting was live (an urgent item); the minutes say so.</param>
[GenerateSerializer, Immutable, Alias("cabinet.agenda-item")]
public sealed record AgendaItem(string Id, string Title, string Presenter, int PlannedMinutes, string Description, bool AddedDuringMeeting = false);
