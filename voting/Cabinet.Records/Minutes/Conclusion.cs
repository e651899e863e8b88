namespace Cabinet.Records.Minutes;

/// <summary>The item's conclusion as the chair approved it; paragraphs are printed numbered.</summary>
public sealed record Conclusion(IReadOnlyList<string> Paragraphs)
{
    public DateTimeOffset? ApprovedAt { get; init; }
}
