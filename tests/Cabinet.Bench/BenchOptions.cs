using System.Collections.Immutable;
using System.Globalization;

namespace Cabinet.Bench;

/// <summary>
/// The command line: <c>--n 100,500,1000,2000 --moves 20 [--meetings 5000] [--ledger 100,10000] [--ledger-only] [--redis] [--quick] [--out docs/perf]</c>.
/// </summary>
public sealed record BenchOptions(ImmutableArray<int> Series, int Moves, bool Redis, bool Quick, string OutputFolder, string CommandLine)
{
    /// <summary>Past meetings of the secretary in the "my meetings" scenario.</summary>
    public int ListedMeetings { get; init; } = 5000;

    /// <summary>Ledger sizes at which the long meeting times its commands (empty: the scenario does not run).</summary>
    public ImmutableArray<int> LedgerCheckpoints { get; init; } = [];

    /// <summary>Commands timed at each checkpoint of the long meeting.</summary>
    public int LedgerSamples { get; init; } = 200;

    /// <summary>Only the long meeting: no delegates, no series, no listing (latest.md is left as it is).</summary>
    public bool LedgerOnly { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = ParseCore(args);
        var ledger = args.Contains("--quick") ? ImmutableArray.Create(20, 100) : ImmutableArray.Create(100, 10_000);
        var at = Array.IndexOf(args, "--ledger");
        if (at >= 0)
        {
            ledger = [.. Value(args, at + 1).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Entries).Order()];
        }

        return options with { LedgerCheckpoints = ledger, LedgerSamples = options.Quick ? 10 : 200, LedgerOnly = args.Contains("--ledger-only") };
    }

    private static BenchOptions ParseCore(string[] args)
    {
        var quick = args.Contains("--quick");
        var series = quick ? [50] : ImmutableArray.Create(100, 500, 1000, 2000);
        var moves = quick ? 5 : 20;
        var meetings = quick ? 200 : 5000;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--n":
                    series = [.. Value(args, ++i).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive).Order()];
                    break;
                case "--moves":
                    moves = Positive(Value(args, ++i));
                    break;
                case "--meetings":
                    meetings = Positive(Value(args, ++i));
                    break;
                case "--out":
                    output = Value(args, ++i);
                    break;
                case "--ledger":
                    i++;
                    break;
                case "--redis" or "--quick" or "--ledger-only":
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Use --n 100,500 --moves 20 --meetings 5000 --ledger 100,10000 --ledger-only --redis --quick --out docs/perf");
            }
        }

        // Quick runs (./test.sh) must not dirty the tree: their report goes to the gitignored artifacts folder.
        output ??= quick ? "artifacts/perf" : "docs/perf";
        var commandLine = "dotnet run -c Release --project tests/Cabinet.Bench --" + string.Concat(args.Select(a => " " + a));
        return new BenchOptions(series, moves, args.Contains("--redis"), quick, output, commandLine) { ListedMeetings = meetings };
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Entries(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= 1_000_000
            ? n : throw new ArgumentException($"'{text}' is not a number of ledger entries between 1 and 1,000,000");

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= 5000
            ? n : throw new ArgumentException($"'{text}' is not a count between 1 and 5000");
}
