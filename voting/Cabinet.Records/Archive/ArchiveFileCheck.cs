namespace Cabinet.Records.Archive;

/// <summary>
/// An extra content check for archive files the records library does not know, e.g. a poll's ballot chain.
/// <paramref name="Check"/> gets the file's path and bytes plus a way to read other archive files, and returns
/// null when the file is sound or a plain-language reason, in the report's language (<see cref="ReportLanguage"/>), when
/// it is not. <paramref name="Description"/> is Vietnamese; <see cref="DescriptionEn"/> its English.
/// </summary>
public sealed record ArchiveFileCheck(string Description, Func<string, bool> AppliesTo, Func<string, byte[], Func<string, byte[]?>, string?> Check)
{
    public string? DescriptionEn { get; init; }

    /// <summary>What the check verifies, in the report's language.</summary>
    public string Describe() => ReportLanguage.Say(Description, DescriptionEn ?? Description);

    /// <summary>The verdict code of this check's failures (<see cref="VerdictCodes"/>).</summary>
    public string Code { get; init; } = VerdictCodes.ContentInvalid;
}
