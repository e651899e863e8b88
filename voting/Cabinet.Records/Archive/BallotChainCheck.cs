using System.Text;
using System.Text.Json;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Canonical;

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

        List<BallotChainEntry> entries;
        try
        {
            entries = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => CanonicalJson.Deserialize<BallotChainEntry>(Encoding.UTF8.GetBytes(line))).ToList();
        }
        catch (JsonException ex)
        {
            return $"a line is not a ballot chain entry ({ex.Message})";
        }

        using var result = JsonDocument.Parse(resultJson);
        var head = result.RootElement.GetProperty("chainHead").GetString();
        var count = result.RootElement.GetProperty("ballotCount").GetInt64();
        return BallotChain.FindFirstFault(entries, head, count) is { } fault ? $"ballot {fault.Position} — {fault.Reason}" : null;
    }
}
