namespace Cabinet.Records.Archive;

/// <summary>
/// access-summary.json: the meeting's access log counted per document version and person — openings in the viewer,
/// downloads and prints (copies marked with the person's name) — as it stood when the archive was sealed. Counts
/// only: no times and no copy ids, since everyone who may see the meeting downloads its archive.
/// </summary>
public sealed record AccessSummary(IReadOnlyList<AccessSummaryVersion> Versions);

/// <param name="Version">The version number as documents.json writes it.</param>
public sealed record AccessSummaryVersion(string DocumentId, string Title, string Version, string Sha256, int Opens, int Downloads, int Prints,
    IReadOnlyList<AccessSummaryPerson> People);

public sealed record AccessSummaryPerson(string UserName, int Opens, int Downloads, int Prints);
