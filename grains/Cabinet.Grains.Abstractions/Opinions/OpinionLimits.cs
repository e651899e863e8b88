namespace Cabinet.Opinions;

/// <summary>Bounds of an opinion ballot (configuration section <c>Cabinet:Opinions</c>), enforced by its grain.</summary>
public sealed record OpinionLimits
{
    public const string Section = "Cabinet:Opinions";

    public int MaxQuestions { get; init; } = 20;

    public int MaxOptions { get; init; } = 10;

    /// <summary>Longest question, option, written opinion or return comment, in characters.</summary>
    public int MaxTextChars { get; init; } = 2000;

    public int MaxMembers { get; init; } = 500;

    public int MaxTitleChars { get; init; } = 300;

    public int MaxDocuments { get; init; } = 10;

    /// <summary>Times a ballot may be returned to the office and submitted again.</summary>
    public int MaxRounds { get; init; } = 20;

    /// <summary>Ballots an organisation's list keeps (the oldest closed ones leave it first).</summary>
    public int MaxListed { get; init; } = 500;
}
