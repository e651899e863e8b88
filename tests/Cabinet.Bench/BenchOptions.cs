using System.Collections.Immutable;
using System.Globalization;
using Cabinet.Meetings;

namespace Cabinet.Bench;

/// <summary>
/// The command line: <c>--n 100,500,1000,2000,3000 --moves 20 [--meetings 5000] [--ledger 100,10000] [--many 200x20]
/// [--ledger-only] [--many-only] [--notes-only] [--votes-only] [--encryption] [--redis] [--quick] [--out docs/perf]</c>.
/// </summary>
public sealed record BenchOptions(ImmutableArray<int> Series, int Moves, bool Redis, bool Quick, string OutputFolder, string CommandLine)
{
    private const string Usage =
        "Use --n 100,500 --moves 20 --meetings 5000 --ledger 100,10000 --many 200x20 --ledger-only --many-only --notes-only --votes-only --encryption [--no-read-cache] --redis --quick --out docs/perf";

    /// <summary>Past meetings of the secretary in the "my meetings" scenario.</summary>
    public int ListedMeetings { get; init; } = 5000;

    /// <summary>Ledger sizes at which the long meeting times its commands (empty: the scenario does not run).</summary>
    public ImmutableArray<int> LedgerCheckpoints { get; init; } = [];

    /// <summary>Commands timed at each checkpoint of the long meeting.</summary>
    public int LedgerSamples { get; init; } = 1000;

    /// <summary>Only the long meeting: no delegates, no series, no listing (latest.md is left as it is).</summary>
    public bool LedgerOnly { get; init; }

    /// <summary>Live meetings held at once on one host, and delegates in each, in the many-meetings scenario.</summary>
    public (int Meetings, int Delegates) Many { get; init; } = (200, 20);

    /// <summary>Only the many-meetings scenario (with --ledger-only too: both, and still no series).</summary>
    public bool ManyOnly { get; init; }

    /// <summary>
    /// In the series, only the joins (memory) and the shared annotations, with their bare-SignalR baseline: no agenda
    /// fan-out, vote burst, "my meetings", many meetings or long meeting; latest.md is left as it is.
    /// </summary>
    public bool NotesOnly { get; init; }

    /// <summary>
    /// In the series, only the joins and the vote burst (server CPU for the receipts and for the close apart): no agenda
    /// fan-out, annotations, baseline, "my meetings", many meetings or long meeting; latest.md is left as it is.
    /// </summary>
    public bool VotesOnly { get; init; }

    /// <summary>A series that measures one part only (--notes-only, --votes-only): its figures go to the log alone.</summary>
    public bool PartialSeries => NotesOnly || VotesOnly;

    /// <summary>Only the cost of encryption at rest (<see cref="EncryptionCost"/>): two Cabinets, sealed and plain, side by side.</summary>
    public bool EncryptionOnly { get; init; }

    /// <summary>With <c>--encryption</c>: both Cabinets without the document read cache, so every fetch reads and opens the file.</summary>
    public bool NoReadCache { get; init; }

    /// <summary>The series, the vote bursts, the annotations and "my meetings": everything latest.md reports.</summary>
    public bool RunsSeries => !LedgerOnly && !ManyOnly;

    public bool RunsLongMeeting => !LedgerCheckpoints.IsEmpty && ((RunsSeries && !PartialSeries) || LedgerOnly);

    public bool RunsManyMeetings => (RunsSeries && !PartialSeries) || ManyOnly;

    /// <summary>
    /// Delegates' accounts the run needs: the largest size of the series (and the warm-up meeting's, after them), or every
    /// screen of the many meetings.
    /// </summary>
    public int Accounts => Math.Max(RunsSeries ? Series.Max() + SizeRun.WarmUpDelegates : 0, RunsManyMeetings ? Many.Meetings * Many.Delegates : 0);

    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var series = quick ? [50] : ImmutableArray.Create(100, 500, 1000, 2000, 3000);
        var moves = quick ? 5 : 20;
        // Quick: more than one page (MeetingPage.MaxSize), so the first page must be full and point to the next.
        var meetings = quick ? 60 : 5000;
        var ledger = quick ? ImmutableArray.Create(20, 100) : ImmutableArray.Create(100, 10_000);
        var many = quick ? (3, 3) : (200, 20);
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--n":
                    series = [.. Value(args, ++i).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Delegates).Order()];
                    break;
                case "--moves":
                    moves = Positive(Value(args, ++i));
                    break;
                case "--meetings":
                    meetings = Positive(Value(args, ++i));
                    break;
                case "--ledger":
                    ledger = [.. Value(args, ++i).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Entries).Order()];
                    break;
                case "--many":
                    many = MeetingsByDelegates(Value(args, ++i));
                    break;
                case "--out":
                    output = Value(args, ++i);
                    break;
                case "--redis" or "--quick" or "--ledger-only" or "--many-only" or "--notes-only" or "--votes-only" or "--encryption" or "--no-read-cache":
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. {Usage}");
            }
        }

        // Quick runs (./test.sh) must not dirty the tree: their report goes to the gitignored artifacts folder.
        output ??= quick ? "artifacts/perf" : "docs/perf";
        var commandLine = "dotnet run -c Release --project tests/Cabinet.Bench --" + string.Concat(args.Select(a => " " + a));
        return new BenchOptions(series, moves, args.Contains("--redis"), quick, output, commandLine)
        {
            ListedMeetings = meetings,
            LedgerCheckpoints = ledger,
            LedgerSamples = quick ? 10 : 1000,
            LedgerOnly = args.Contains("--ledger-only"),
            Many = many,
            ManyOnly = args.Contains("--many-only"),
            NotesOnly = args.Contains("--notes-only"),
            VotesOnly = args.Contains("--votes-only"),
            EncryptionOnly = args.Contains("--encryption"),
            NoReadCache = args.Contains("--no-read-cache"),
        };
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Entries(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= 1_000_000
            ? n : throw new ArgumentException($"'{text}' is not a number of ledger entries between 1 and 1,000,000");

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= 5000
            ? n : throw new ArgumentException($"'{text}' is not a count between 1 and 5000");

    /// <summary>Delegates of one meeting: with its chair, at most <see cref="ParticipantBatch.MaxParticipants"/>.</summary>
    private static int Delegates(string text) =>
        Positive(text) is var n && n < ParticipantBatch.MaxParticipants
            ? n : throw new ArgumentException($"A meeting holds at most {ParticipantBatch.MaxParticipants - 1} delegates and its chair, not {n}");

    /// <summary>"200x20": 200 meetings of 20 delegates; at most 5,000 screens in all, as --n.</summary>
    private static (int Meetings, int Delegates) MeetingsByDelegates(string text)
    {
        var parts = text.Split('x');
        return parts.Length == 2 && Positive(parts[0]) is var meetings && Positive(parts[1]) is var delegates && meetings * delegates <= 5000
            ? (meetings, delegates)
            : throw new ArgumentException($"'{text}' is not meetings x delegates (e.g. 200x20) with at most 5000 screens in all");
    }
}
