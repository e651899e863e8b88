namespace Cabinet.Records.Archive;

/// <summary>The fixed names inside an archive, and the rule for a safe entry name.</summary>
internal static class ArchivePaths
{
    public const string Minutes = "minutes.pdf";
    public const string Ledger = "ledger.jsonl";
    public const string Documents = "documents.json";
    public const string AccessSummary = "access-summary.json";
    public const string OpinionReport = "opinion/report.json";
    public const string OpinionAnswers = "opinion/answers.jsonl";

    public const string DocumentsFolder = "documents/";
    public const string PollResult = "result.json";
    public const string PollResultSignature = "result.p7s";
    public const string PollBallots = "ballots.jsonl";

    public static string PollFile(string pollId, string name) => $"polls/{pollId}/{name}";

    /// <summary>A document version's bytes, named by their SHA-256 as documents.json lists it.</summary>
    public static string Document(string sha256) => DocumentsFolder + sha256.ToLowerInvariant();

    /// <summary>
    /// The order files are checked in: the top-level files, then folder by folder, each poll's signed result, then its
    /// ballot chain, then what is checked against the chain — so the file blamed is the one that was changed, not one
    /// checked against it.
    /// </summary>
    public static IEnumerable<ArchiveFile> CheckingOrder(IEnumerable<ArchiveFile> files) =>
        files.OrderBy(f => f.Path.LastIndexOf('/') is var slash and >= 0 ? f.Path[..slash] : "", StringComparer.Ordinal)
            .ThenBy(f => f.Path[(f.Path.LastIndexOf('/') + 1)..] switch { PollResult => 0, PollResultSignature => 1, PollBallots => 2, _ => 3 })
            .ThenBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>Relative, forward slashes, no empty, "." or ".." segment, no drive, backslash or control character.</summary>
    public static bool IsSafe(string path) =>
        path.Length is > 0 and <= 260
        && !path.StartsWith('/')
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains(':', StringComparison.Ordinal)
        && !path.Any(char.IsControl)
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    public static bool IsSafeSegment(string name) => IsSafe(name) && !name.Contains('/', StringComparison.Ordinal);
}
