namespace Cabinet.Records.Minutes;

/// <summary>The votes one choice received, e.g. ("Tán thành", 12).</summary>
public sealed record PollCount(string Choice, int Votes);
