namespace Cabinet.Meetings;

/// <param name="AddedDuringMeeting">Added while the meeting was live (an urgent item); the minutes say so.</param>
[GenerateSerializer, Immutable, Alias("cabinet.agenda-item")]
public sealed record AgendaItem(string Id, string Title, string Presenter, int PlannedMinutes, string Description, bool AddedDuringMeeting = false)
{
    /// <summary>The result of a closed opinion ballot the chair or secretary attached to this item, else null.</summary>
    [Id(6)] public Opinions.OpinionOutcome? OpinionOutcome { get; init; }
}
