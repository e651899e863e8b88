using System.Text;
using System.Text.Json;
using Cabinet.Voting.Ballots;

namespace Cabinet.Records.Archive;

/// <summary>
/// Checks each poll's <c>ballots.jsonl</c> (one ballot chain entry per line) against its signed <c>result.json</c>:
/// every link and hash must hold, and the chain must end at the result's chain head with its ballot count.
/// </summary>
public static class BallotChainCheck
{
    public static ArchiveFileCheck Create() => new(
        "ballot chain of each poll against its signed result",
        path => path.StartsWith("polls/", StringComparison.Ordinal) && path.EndsWith("/ballots.jsonl", StringComparison.Ordinal),
        Check);

    private static string? Check(string path, byte[] content, Func<string, byte[]?> read)
    {
        var resultPath = path[..path.LastIndexOf('/')] + "/result.json";
        if (read(resultPath) is not { } resultJson)
        {
            return $"{resultPath} is missing";
        }

        var (head, count, problem) = ResultHead(resultPath, resultJson);
        if (problem is not null)
        {
            return problem;
        }

        var entries = new List<BallotChainEntry>();
        var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                entries.Add(ArchiveJson.Deserialize<BallotChainEntry>(Encoding.UTF8.GetBytes(lines[i])));
            }
            catch (JsonException e)
            {
                return $"line {i + 1} is not a ballot chain entry ({ArchiveJson.Reason(e)})";
            }
        }

        return BallotChain.FindFirstFault(entries, head, count) is { } fault ? $"ballot {fault.Position} — {fault.Reason}" : null;
    }

    /// <returns>The result's chain head and ballot count, or what is wrong with the result.</returns>
    private static (string Head, long Count, string? Problem) ResultHead(string resultPath, byte[] resultJson)
    {
        try
        {
            using var result = JsonDocument.Parse(resultJson, ArchiveJson.DocumentOptions);
            var root = result.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ("", 0, $"{resultPath} is not a JSON object");
            }

            if (!root.TryGetProperty("chainHead", out var head) || head.ValueKind != JsonValueKind.String)
            {
                return ("", 0, $"{resultPath} has no \"chainHead\" string");
            }

            if (!root.TryGetProperty("ballotCount", out var count) || count.ValueKind != JsonValueKind.Number
                || !count.TryGetInt64(out var ballots) || ballots < 0)
            {
                return ("", 0, $"{resultPath} has no \"ballotCount\" whole number");
            }

            return (head.GetString()!, ballots, null);
        }
        catch (JsonException e)
        {
            return ("", 0, $"{resultPath} is not JSON ({ArchiveJson.Reason(e)})");
        }
    }
}
