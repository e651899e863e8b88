namespace Cabinet.Records.Minutes;

/// <summary>One agenda item with what happened under it, in the order it was taken.</summary>
public sealed record MinutesAgendaItem(int Number, string Title)
{
    public string? Presenter { get; init; }

    /// <summary>Added while the meeting was running (an urgent item).</summary>
    public bool AddedDuringMeeting { get; init; }

    public IReadOnlyList<MinutesDocument> Documents { get; init; } = [];

    public IReadOnlyList<Speaker> Speakers { get; init; } = [];

    public IReadOnlyList<MinutesPoll> Polls { get; init; } = [];

    /// <summary>Written opinions under the item ("Ý kiến khác"), each already naming who gave it.</summary>
    public IReadOnlyList<string> WrittenOpinions { get; init; } = [];

    public Conclusion? Conclusion { get; init; }
}
