namespace Cabinet.Records.Minutes;

/// <summary>A vote as decided: the counts per choice, the rule that decided it and the outcome in words.</summary>
/// <param name="Rule">e.g. "Quá bán tổng số thành viên (8/15)".</param>
/// <param name="Outcome">e.g. "Thông qua".</param>
public sealed record MinutesPoll(string Title, IReadOnlyList<PollCount> Counts, string Rule, string Outcome)
{
    /// <summary>The members of the body when the poll opened: the same total as the attendance paragraph's.</summary>
    public int? Members { get; init; }

    /// <summary>The members present when the poll opened.</summary>
    public int? Present { get; init; }

    /// <summary>How the decision was taken, before the title: a vote in the meeting, or an opinion ballot's result attached to the item.</summary>
    public string Heading { get; init; } = "Biểu quyết";
}
