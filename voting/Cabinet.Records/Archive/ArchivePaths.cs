namespace Cabinet.Records.Archive;

/// <summary>The fixed names inside an archive, and the rule for a safe entry name.</summary>
internal static class ArchivePaths
{
    public const string Minutes = "minutes.pdf";
    public const string Ledger = "ledger.jsonl";
    public const string Documents = "documents.json";

    public static string PollFile(string pollId, string name) => $"polls/{pollId}/{name}";

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
