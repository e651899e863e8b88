using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Testing;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Encryption at rest, against real processes: what a meeting, a document, a shared note, a poll and a person leave in
/// the data folder and in Redis is ciphertext only; restarts, key rotation, re-encryption and a new KEK keep everything
/// readable; a wrong or missing KEK stops Cabinet before it writes anything.
/// </summary>
public sealed class EncryptionAtRestTests
{
    private const string Marker = "DAUVET7Q3X";
    private const string Password = "Mat-khau-dau-vet-2026";
    private static readonly byte[] Pdf = File.ReadAllBytes(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "tracemonkey.pdf"));

    /// <summary>
    /// The marker, a PDF's header, the header every ASP.NET Core Identity v3 password hash of the test servers starts with
    /// (0x01, HMAC-SHA512, their iterations, 16-byte salt) in base64, and a data-protection key's master key: <see cref="With_encryption_switched_off_the_same_search_finds_all_of_it"/>
    /// shows the search finds them when they are stored in the clear.
    /// </summary>
    private static readonly Dictionary<string, byte[]> Needles = new()
    {
        ["the marker"] = Encoding.UTF8.GetBytes(Marker),
        ["a PDF"] = "%PDF-"u8.ToArray(),
        ["a password hash"] = IdentityHashHeader(CabinetServerOptions.CheapPasswordIterations),
        ["a data-protection key"] = "<value>"u8.ToArray(), // where an unencrypted key ring keeps its master key
    };

    /// <summary>The first 17 base64 characters of an Identity v3 hash: format, PRF, iteration count and salt length, big-endian.</summary>
    private static byte[] IdentityHashHeader(int iterations)
    {
        var header = new byte[13];
        header[0] = 0x01;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), 2);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(5), iterations);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(9), 16);
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(header)[..17]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nothing_is_readable_at_rest_and_restarts_rotation_and_a_new_kek_keep_everything_readable(bool redisMode)
    {
        await using var redis = redisMode ? await RedisServer.StartAsync() : null;
        var installation = new CabinetServerOptions { RedisConnectionString = redis?.ConnectionString };
        Written first;
        await using (var server = await CabinetServer.StartAsync(installation))
        {
            first = await WriteEverythingAsync(server);
        }

        Assert.Empty(await RawStorage.FindAsync(installation, Needles));

        var rotated = RotateKeys(installation);
        Assert.True(rotated.ExitCode == 0, rotated.Output); // new data keys: later records are sealed under them
        Written second;
        await using (var server = await CabinetServer.StartAsync(installation))
        {
            await AssertReadableAsync(server, first);
            second = await WriteEverythingAsync(server);
        }

        var reencrypted = RotateKeys(installation, "--reencrypt");
        Assert.True(reencrypted.ExitCode == 0, reencrypted.Output);
        Assert.False(reencrypted.Output.StartsWith("0 records", StringComparison.Ordinal), reencrypted.Output);
        Assert.StartsWith("0 records", RotateKeys(installation, "--reencrypt").Output, StringComparison.Ordinal); // all under the newest keys now

        var newKek = Path.Combine(RepositoryPaths.NewTempFolder("kek"), "kek");
        var rewrapped = RotateKeys(installation, "--rewrap", "--new-key-file", newKek);
        Assert.True(rewrapped.ExitCode == 0, rewrapped.Output);
        var underNewKek = installation with { ExtraArguments = [$"--Cabinet:Encryption:KeyFile={newKek}"] };
        await using (var server = await CabinetServer.StartAsync(underNewKek))
        {
            await AssertReadableAsync(server, first);
            await AssertReadableAsync(server, second);
        }

        Assert.Empty(await RawStorage.FindAsync(installation, Needles));
    }

    [Fact]
    public async Task With_encryption_switched_off_the_same_search_finds_all_of_it()
    {
        var installation = new CabinetServerOptions { ExtraArguments = ["--Cabinet:Encryption:Enabled=false"] };
        await using (var server = await CabinetServer.StartAsync(installation))
        {
            await WriteEverythingAsync(server);
        }

        var found = await RawStorage.FindAsync(installation, Needles);
        Assert.All(Needles.Keys, needle => Assert.Contains(found, f => f.StartsWith(needle + " in ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Plaintext_from_before_encryption_is_still_read_and_sealed_on_its_next_write()
    {
        var installation = new CabinetServerOptions();
        Written before;
        await using (var server = await CabinetServer.StartAsync(installation with { ExtraArguments = ["--Cabinet:Encryption:Enabled=false"] }))
        {
            before = await WriteEverythingAsync(server);
        }

        Assert.NotEmpty(await RawStorage.FindAsync(installation, Needles));
        await using (var server = await CabinetServer.StartAsync(installation))
        {
            await AssertReadableAsync(server, before);
            await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
            Assert.True((await chair.InvokeAsync(nameof(MeetingHub.GoToItem), before.MeetingId, "i2")).Ok);
        }

        // The meeting's state was written again, sealed; the poll's was not, and stays as it was until its next write.
        var stored = await RawStorage.FindAsync(installation with { DataPath = Path.Combine(installation.DataPath, "meetings") }, Needles);
        var slug = before.MeetingId[(before.MeetingId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        Assert.DoesNotContain(stored, f => f.Contains($"/meeting.meeting_2Ftinh_2F{slug}.json", StringComparison.Ordinal));
        Assert.Contains(stored, f => f.Contains($"/poll.poll_2Ftinh_2F{slug}_2F", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_or_missing_kek_stops_cabinet_with_one_message_and_changes_nothing()
    {
        var installation = new CabinetServerOptions();
        await using (var server = await CabinetServer.StartAsync(installation))
        {
            await WriteEverythingAsync(server);
        }

        var before = await RawStorage.HashAsync(installation);
        var wrongKey = Path.Combine(RepositoryPaths.NewTempFolder("wrong-kek"), "kek");
        await File.WriteAllBytesAsync(wrongKey, RandomNumberGenerator.GetBytes(32), TestContext.Current.CancellationToken);

        var wrong = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CabinetServer.StartAsync(installation with { ExtraArguments = [$"--Cabinet:Encryption:KeyFile={wrongKey}"] }));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CabinetServer.StartAsync(installation with { ExtraArguments = [$"--Cabinet:Encryption:KeyFile={wrongKey}.gone"] }));

        Assert.Contains("crit: Cabinet cannot start", wrong.Message, StringComparison.Ordinal);
        Assert.Contains($"does not unwrap with the key file {wrongKey}", wrong.Message, StringComparison.Ordinal);
        Assert.Contains($"The key-encryption key file {wrongKey}.gone (Cabinet:Encryption:KeyFile) does not exist", missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(wrongKey + ".gone"), "a configured key file is never made");
        Assert.Equal(before, await RawStorage.HashAsync(installation));
    }

    [Fact]
    public async Task The_kek_held_in_a_pkcs11_token_seals_and_opens_across_a_restart()
    {
        var token = SoftHsmToken.Create("cabinet-kek"); // the server inherits SOFTHSM2_CONF
        token.GenerateAesKey("khoa-bao-ve");
        var pinFile = Path.Combine(token.Folder, "pin");
        await File.WriteAllTextAsync(pinFile, token.Pin + "\n", TestContext.Current.CancellationToken);
        var installation = new CabinetServerOptions
        {
            ExtraArguments =
            [
                $"--Cabinet:Encryption:Pkcs11:Library={SoftHsmToken.Library}", $"--Cabinet:Encryption:Pkcs11:TokenLabel={token.Label}",
                $"--Cabinet:Encryption:Pkcs11:PinFile={pinFile}", "--Cabinet:Encryption:Pkcs11:KeyLabel=khoa-bao-ve",
            ],
        };
        Written written;
        await using (var server = await CabinetServer.StartAsync(installation))
        {
            written = await WriteEverythingAsync(server);
        }

        await using (var server = await CabinetServer.StartAsync(installation))
        {
            await AssertReadableAsync(server, written);
        }

        Assert.False(File.Exists(Path.Combine(installation.DataPath, "keys", "development-kek.key")), "the token's key is the only KEK");
        Assert.Empty(await RawStorage.FindAsync(installation, Needles));
        var wrongLabel = await Assert.ThrowsAsync<InvalidOperationException>(() => CabinetServer.StartAsync(installation with
        {
            ExtraArguments = [.. installation.ExtraArguments.Where(a => !a.Contains("KeyLabel", StringComparison.Ordinal)), "--Cabinet:Encryption:Pkcs11:KeyLabel=khac"],
        }));
        Assert.Contains("holds no secret key labelled 'khac'", wrongLabel.Message, StringComparison.Ordinal);
    }

    private sealed record Written(string MeetingId, string DocumentId, string DocumentSha256, string PollId, string Person);

    /// <summary>A meeting, a document, a shared note, a closed poll with ballots and a new person, each carrying the marker.</summary>
    private static async Task<Written> WriteEverythingAsync(CabinetServer server)
    {
        await using var chairClient = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var id = MeetingKey.Of("tinh", $"mat-{Guid.NewGuid():N}"[..20]);
        var setup = new MeetingSetup(
            new MeetingDetails($"Phiên họp {Marker}", "Phòng họp 2", DateTimeOffset.UtcNow),
            [
                new ParticipantInvite("chutich", MeetingRole.Chair), new ParticipantInvite("thuky", MeetingRole.Secretary),
                new ParticipantInvite("daibieu1", MeetingRole.Delegate), new ParticipantInvite("daibieu2", MeetingRole.Delegate),
            ],
            [new AgendaItemInput($"Nội dung {Marker}", "Sở Tài chính", 10, ""), new AgendaItemInput("Nội dung 2", "Sở Nội vụ", 10, "")]);
        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, setup)).Ok);
        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.ScheduleMeeting), id)).Ok);

        using var uploads = await DocumentUploads.SignInAsync(server.BaseAddress, "thuky");
        var document = (await uploads.UploadAsync(id, Pdf, $"Tài liệu {Marker}")).Document!;

        await chairClient.JoinAsync(id);
        using var chair = await BallotSigner.RegisterAsync(chairClient);
        await using var delegateClient = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1");
        Assert.True((await delegateClient.JoinAsync(id)).Ok);
        using var voter = await BallotSigner.RegisterAsync(delegateClient);
        var note = new AnnotationInput(1, AnnotationKind.Note, new AnnotationAnchor(1, [new(0.2, 0.1, 0.02, 0.02)], new TextQuote("Trace-based", "", " Just-in-Time")),
            $"Ghi chú {Marker}", null, "#ffeb3b", true);
        Assert.True((await delegateClient.Connection.InvokeAsync<Result<AnnotationView>>(nameof(MeetingHub.AddAnnotation), id, document.DocumentId, note)).Ok);

        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.OpenPoll), id,
            new MotionInput("i1", $"Thông qua {Marker}", Majority: MajorityRule.MoreThanHalfOfVotesCast))).Ok);
        var pollId = (await chairClient.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.OpenPoll!.PollId;
        Assert.True((await voter.CastAsync(id, pollId, "yes")).Ok);
        Assert.True((await chair.CastAsync(id, pollId, "yes")).Ok);
        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.ClosePoll), id, pollId)).Ok);

        var person = $"dv.{Guid.NewGuid():N}"[..14];
        using var created = await AccountSteps.SendAsync(server.BaseAddress, HttpMethod.Post, "/api/admin/users", await MeetingHubClient.GetTokenAsync(server.BaseAddress, "quantri"),
            new[] { new { userName = person, displayName = $"Người {Marker}", position = "Chuyên viên", password = Password } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return new Written(id, document.DocumentId, document.Latest!.Sha256, pollId, person);
    }

    private static async Task AssertReadableAsync(CabinetServer server, Written written)
    {
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var snapshot = (await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), written.MeetingId)).Value!;
        Assert.Contains(Marker, snapshot.Details.Title, StringComparison.Ordinal);
        var poll = Assert.Single(snapshot.Polls);
        Assert.Contains(Marker, poll.Motion.Title, StringComparison.Ordinal);
        Assert.NotNull(poll.Result);
        var chain = await chair.Connection.InvokeAsync<Result<Cabinet.Voting.Ballots.BallotChain>>(nameof(MeetingHub.GetBallotChain), written.MeetingId, written.PollId);
        Assert.Equal(2, chain.Value!.Entries.Length);
        Assert.NotEmpty((await chair.Connection.InvokeAsync<Result<Cabinet.Voting.Ledger.LedgerEntry[]>>(nameof(MeetingHub.GetLedger), written.MeetingId)).Value!);

        using var reader = await DocumentUploads.SignInAsync(server.BaseAddress, "daibieu1");
        var (status, body, response) = await reader.FetchAsync(written.MeetingId, written.DocumentId, 1);
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(written.DocumentSha256, Convert.ToHexStringLower(SHA256.HashData(body)));
        await using var delegateClient = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1");
        await delegateClient.JoinAsync(written.MeetingId);
        Assert.Contains((await delegateClient.ListAnnotationsAsync(written.MeetingId, written.DocumentId)).Value, a => a.Text?.Contains(Marker, StringComparison.Ordinal) == true);

        Assert.False(string.IsNullOrEmpty(await MeetingHubClient.GetTokenAsync(server.BaseAddress, written.Person, Password)));
    }

    /// <summary>
    /// The command as an operator runs it on a stopped installation, with the KEK the host used: the one the development
    /// host made in its data folder, or in Redis mode the one the harness gives every host of that Redis.
    /// </summary>
    private static Tool.Result RotateKeys(CabinetServerOptions installation, params string[] options) =>
        Tool.Run("dotnet", [RepositoryPaths.WebAssembly, "rotate-keys", .. options, $"--Cabinet:DataPath={installation.DataPath}",
            $"--Cabinet:Encryption:KeyFile={(installation.RedisConnectionString is { } shared ? SharedKeys.For(shared) : Path.Combine(installation.DataPath, "keys", "development-kek.key"))}",
            .. installation.RedisConnectionString is { } redis ? [$"--ConnectionStrings:Redis={redis}"] : Array.Empty<string>()]);
}
