using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Testing;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Bench;

/// <summary>
/// <c>--encryption</c>: what encryption at rest costs. Two Cabinets run side by side on the same machine and storage mode,
/// one sealing everything, one with <c>Cabinet:Encryption:Enabled=false</c>; each round does one of each operation on both
/// (which goes first alternates), so drift of the machine falls on both alike. Upload: a 1 MB PDF made unique by a
/// trailing comment (each is stored); file fetch: that PDF from the document endpoint; ballot: a signed ballot until
/// its receipt; agenda move: the chair's command until its answer.
/// </summary>
public static class EncryptionCost
{
    private static readonly byte[] Pdf = File.ReadAllBytes(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "tracemonkey.pdf"));

    public sealed record Row(string Operation, LatencyStats Sealed, LatencyStats Plain)
    {
        public double Change => (Sealed.P50 / Plain.P50) - 1;
    }

    public static async Task<string> RunAsync(BenchOptions options, Failures failures)
    {
        var (uploads, fetches, polls, moves) = options.Quick ? (6, 60, 6, 60) : (20, 300, 100, 300);
        string[] cache = options.NoReadCache ? ["--Cabinet:Documents:ReadCacheBytes=0"] : [];
        await using var sealedSide = await Side.StartAsync("sealed", options.Redis, cache);
        await using var plainSide = await Side.StartAsync("plain", options.Redis, [.. cache, "--Cabinet:Encryption:Enabled=false"]);
        for (var round = 0; round < Math.Max(Math.Max(uploads, fetches), Math.Max(polls, moves)); round++)
        {
            foreach (var side in round % 2 == 0 ? [sealedSide, plainSide] : new[] { plainSide, sealedSide })
            {
                await side.RoundAsync(round < uploads, round < fetches, round < polls, round < moves, failures);
            }
        }

        Row[] rows =
        [
            Compare("upload (1 MB PDF)", s => s.Uploads), Compare("file fetch (1 MB PDF)", s => s.Fetches),
            Compare("ballot (until receipt)", s => s.Ballots), Compare("agenda move", s => s.Moves),
        ];
        return Markdown(options, rows);

        Row Compare(string name, Func<Side, List<double>> samples) =>
            new(name, LatencyStats.Of(samples(sealedSide)), LatencyStats.Of(samples(plainSide)));
    }

    private static string Markdown(BenchOptions options, Row[] rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Encryption at rest: cost ({(options.Redis ? "Redis" : "embedded")} mode)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`{options.CommandLine}` on {MachineInfo.Read().Cores} cores, load average {MachineInfo.LoadAverage()} at the end; milliseconds, sealed vs plain.");
        text.AppendLine();
        text.AppendLine(options.NoReadCache
            ? "Document read cache off (`Cabinet:Documents:ReadCacheBytes=0`) on both: every fetch reads the file and, sealed, decrypts it."
            : "Document read cache on (the default) on both: a fetch of a version read before is served from memory, sealed or not.");
        text.AppendLine();
        text.AppendLine("| operation | samples | sealed p50 | plain p50 | sealed p95 | plain p95 | p50 change |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Operation} | {row.Sealed.Count} | {row.Sealed.P50:0.0} | {row.Plain.P50:0.0} | {row.Sealed.P95:0.0} | {row.Plain.P95:0.0} | {row.Change:+0%;-0%;0%} |");
        }

        return text.ToString();
    }

    /// <summary>One Cabinet with a live meeting, its chair and two delegates with ballot keys, and a document.</summary>
    private sealed class Side : IAsyncDisposable
    {
        private readonly RedisServer? _redis;
        private readonly CabinetServer _server;
        private readonly DocumentUploads _uploads;
        private readonly BallotSigner[] _voters;
        private readonly string _meetingId;
        private readonly string _documentId;
        private int _version = 1;

        private Side(RedisServer? redis, CabinetServer server, DocumentUploads uploads, BallotSigner[] voters, string meetingId, string documentId) =>
            (_redis, _server, _uploads, _voters, _meetingId, _documentId) = (redis, server, uploads, voters, meetingId, documentId);

        public List<double> Uploads { get; } = [];

        public List<double> Fetches { get; } = [];

        public List<double> Ballots { get; } = [];

        public List<double> Moves { get; } = [];

        private MeetingHubClient Chair => _voters[0].Client;

        public static async Task<Side> StartAsync(string name, bool redisMode, string[] arguments)
        {
            var redis = redisMode ? await RedisServer.StartAsync() : null;
            BenchRun.Log($"starting Cabinet ({name}, {(redisMode ? "Redis" : "embedded")} mode)");
            var server = await CabinetServer.StartAsync(new CabinetServerOptions { RedisConnectionString = redis?.ConnectionString, ExtraArguments = arguments, AsShipped = true });
            var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
            var id = MeetingKey.Of("tinh", $"bench-{Guid.NewGuid():N}"[..22]);
            var setup = new MeetingSetup(new MeetingDetails("Đo chi phí mã hóa", "Phòng họp 1", DateTimeOffset.UtcNow),
                [new ParticipantInvite("chutich", MeetingRole.Chair), new ParticipantInvite("thuky", MeetingRole.Secretary),
                 new ParticipantInvite("daibieu1", MeetingRole.Delegate), new ParticipantInvite("daibieu2", MeetingRole.Delegate)],
                [new AgendaItemInput("Nội dung 1", "", 10, ""), new AgendaItemInput("Nội dung 2", "", 10, "")]);
            Require(await chair.InvokeAsync(nameof(Hub.MeetingHub.CreateMeeting), id, setup));
            Require(await chair.InvokeAsync(nameof(Hub.MeetingHub.ScheduleMeeting), id));
            var uploads = await DocumentUploads.SignInAsync(server.BaseAddress, "thuky");
            var document = (await uploads.UploadAsync(id, Unique(), "Tài liệu đo")).Document ?? throw new InvalidOperationException("upload refused");
            var voters = new List<BallotSigner>();
            foreach (var client in new[] { chair, await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1"), await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu2") })
            {
                await client.JoinAsync(id);
                voters.Add(await BallotSigner.RegisterAsync(client));
            }

            Require(await chair.InvokeAsync(nameof(Hub.MeetingHub.OpenMeeting), id));
            return new Side(redis, server, uploads, [.. voters], id, document.DocumentId);
        }

        public async Task RoundAsync(bool upload, bool fetch, bool poll, bool move, Failures failures)
        {
            if (upload)
            {
                var content = Unique();
                var started = Stopwatch.GetTimestamp();
                var (status, _, error) = await _uploads.UploadAsync(_meetingId, content, "Tài liệu đo", documentId: _documentId);
                Record(Uploads, started, status == HttpStatusCode.Created, error?.Code, failures);
                _version += status == HttpStatusCode.Created ? 1 : 0;
            }

            if (fetch)
            {
                var started = Stopwatch.GetTimestamp();
                var (status, body, response) = await _uploads.FetchAsync(_meetingId, _documentId, _version);
                response.Dispose();
                Record(Fetches, started, status == HttpStatusCode.OK && body.Length > 0, status.ToString(), failures);
            }

            if (poll)
            {
                Require(await Chair.InvokeAsync(nameof(Hub.MeetingHub.OpenPoll), _meetingId, new MotionInput("i1", "Thông qua", Majority: MajorityRule.MoreThanHalfOfVotesCast)));
                var pollId = (await Chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(Hub.MeetingHub.GetSnapshot), _meetingId)).Value!.OpenPoll!.PollId;
                foreach (var voter in _voters)
                {
                    var started = Stopwatch.GetTimestamp();
                    var receipt = await voter.CastAsync(_meetingId, pollId, "yes");
                    Record(Ballots, started, receipt.Ok, receipt.Error?.Code, failures);
                }

                Require(await Chair.InvokeAsync(nameof(Hub.MeetingHub.ClosePoll), _meetingId, pollId));
            }

            if (move)
            {
                var started = Stopwatch.GetTimestamp();
                var moved = await Chair.InvokeAsync(nameof(Hub.MeetingHub.GoToItem), _meetingId, Moves.Count % 2 == 0 ? "i2" : "i1");
                Record(Moves, started, moved.Ok, moved.Error?.Code, failures);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var voter in _voters)
            {
                await voter.Client.DisposeAsync();
                voter.Dispose();
            }

            _uploads.Dispose();
            await _server.DisposeAsync();
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }
        }

        private static void Record(List<double> samples, long started, bool ok, string? refusal, Failures failures)
        {
            if (ok)
            {
                samples.Add(LatencyStats.Milliseconds(started, Stopwatch.GetTimestamp()));
            }
            else
            {
                failures.Add(Failures.Refused, $"encryption cost: {refusal}");
            }
        }

        private static void Require(CommandResult result)
        {
            if (!result.Ok)
            {
                throw new InvalidOperationException(result.Error?.Code);
            }
        }

        /// <summary>The PDF with a comment after its end: a new file (a new hash) every time, read as the same document.</summary>
        private static byte[] Unique() => [.. Pdf, .. Encoding.ASCII.GetBytes($"\n%{Guid.NewGuid():N}\n")];
    }
}
