using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Testing;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Tallying;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>Voting over the public hub against real processes: signed results checked by openssl, restarts mid-poll.</summary>
public sealed class VotingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_signed_result_verifies_with_openssl_and_a_changed_byte_does_not()
    {
        var (chair, voters, id) = await LiveMeetingAsync(fixture.Server);
        var pollId = await OpenPollAsync(chair, id);
        foreach (var (voter, choice) in voters.Zip(["yes", "no", "yes"]))
        {
            Assert.True((await voter.CastAsync(id, pollId, choice)).Ok);
        }

        Assert.True((await chair.Client.InvokeAsync(nameof(MeetingHub.ClosePoll), id, pollId)).Ok);
        var summary = (await chair.Client.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.Polls.Single().Result!;
        var result = (await voters[0].Client.Connection.InvokeAsync<Result<SignedPollResult>>(nameof(MeetingHub.GetPollResult), id, pollId)).Value!;
        Assert.Equal(result.Summary().DocumentSha256, summary.DocumentSha256); // the room holds the summary; its hash pins the signed document
        var folder = RepositoryPaths.NewTempFolder("openssl");
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        await File.WriteAllTextAsync(Path.Combine(folder, "root.pem"), await http.GetStringAsync(new Uri("/api/pki/root.pem", UriKind.Relative)));
        // The files a participant downloads from the meeting page are the ones the hub gives.
        var downloaded = await ClosingFlow.DownloadAsync(fixture.Server, "daibieu1", $"/api/meetings/{id}/polls/{pollId}/result.json");
        Assert.Equal(result.DocumentJson, System.Text.Encoding.UTF8.GetString(downloaded));
        await File.WriteAllBytesAsync(Path.Combine(folder, "result.json"), downloaded);
        await File.WriteAllBytesAsync(Path.Combine(folder, "result.p7s"), await ClosingFlow.DownloadAsync(fixture.Server, "daibieu2", $"/api/meetings/{id}/polls/{pollId}/result.p7s"));
        await File.WriteAllTextAsync(Path.Combine(folder, "tampered.json"), result.DocumentJson.Replace("\"passed\":true", "\"passed\":false", StringComparison.Ordinal));

        var (ok, okOutput) = await OpenSslVerifyAsync(folder, "result.json");
        var (tampered, _) = await OpenSslVerifyAsync(folder, "tampered.json");

        Assert.True(ok, okOutput);
        Assert.Contains("Verification successful", okOutput, StringComparison.Ordinal);
        Assert.False(tampered);
        Assert.Contains("\"chainHead\":\"" + result.ChainHead + "\"", result.DocumentJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Secrecy.Named)]
    [InlineData(Secrecy.Secret)]
    public async Task A_stored_ballot_is_pushed_to_every_connection_of_its_voter_and_to_nobody_else(Secrecy secrecy)
    {
        var (chair, voters, id) = await LiveMeetingAsync(fixture.Server);
        var pollId = await OpenPollAsync(chair, id, secrecy);
        await using var otherTab = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, voters[0].Client.UserName);
        Assert.True((await otherTab.JoinAsync(id)).Ok);
        var toOtherTab = new TaskCompletionSource<MyBallot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var toSomeoneElse = new List<MyBallot>();
        var theirOwn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        otherTab.Connection.On<MyBallot>(nameof(IMeetingClient.BallotRecorded), b => toOtherTab.TrySetResult(b));
        voters[1].Client.Connection.On<MyBallot>(nameof(IMeetingClient.BallotRecorded), b =>
        {
            lock (toSomeoneElse)
            {
                toSomeoneElse.Add(b);
            }

            theirOwn.TrySetResult();
        });
        var before = await otherTab.Connection.InvokeAsync<Result<MyBallot>>(nameof(MeetingHub.GetMyBallot), id, pollId);
        Assert.False(before.Value!.Voted);

        var receipt = (await voters[0].CastAsync(id, pollId, "yes")).Value!;
        var pushed = await toOtherTab.Task.WaitAsync(Patience);

        Assert.Equal((pollId, true, receipt), (pushed.PollId, pushed.Voted, pushed.Receipt));
        var asked = (await otherTab.Connection.InvokeAsync<Result<MyBallot>>(nameof(MeetingHub.GetMyBallot), id, pollId)).Value!;
        Assert.True(asked.Voted);
        // A secret poll's chain does not name voters: the server can say that I voted, not which receipt is mine.
        Assert.Equal(secrecy == Secrecy.Named ? receipt : null, asked.Receipt);
        Assert.False((await voters[1].Client.Connection.InvokeAsync<Result<MyBallot>>(nameof(MeetingHub.GetMyBallot), id, pollId)).Value!.Voted);
        // The feed delivers in order: once the other voter has their own push, mine would have come before it.
        var theirs = (await voters[1].CastAsync(id, pollId, "no")).Value!;
        await theirOwn.Task.WaitAsync(Patience);
        lock (toSomeoneElse)
        {
            Assert.Equal([theirs], toSomeoneElse.Select(b => b.Receipt));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_restart_in_the_middle_of_an_open_poll_loses_no_acknowledged_ballot(bool redisMode)
    {
        await using var redis = redisMode ? await RedisServer.StartAsync() : null;
        var server = await CabinetServer.StartAsync(new CabinetServerOptions { RedisConnectionString = redis?.ConnectionString });
        try
        {
            var (chair, voters, id) = await LiveMeetingAsync(server);
            var pollId = await OpenPollAsync(chair, id);
            var before = new[] { await voters[0].CastAsync(id, pollId, "yes"), await voters[1].CastAsync(id, pollId, "no") };
            Assert.All(before, r => Assert.True(r.Ok));

            if (redisMode)
            {
                server = await server.RestartAsync();
            }
            else
            {
                server.Kill();
                server = await CabinetServer.StartAsync(server.Options);
            }

            await using var chairAgain = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
            await using var lastVoter = await MeetingHubClient.ConnectAsync(server.BaseAddress, voters[2].Client.UserName);
            using var signer = await BallotSigner.RegisterAsync(lastVoter);
            Assert.True((await signer.CastAsync(id, pollId, "yes")).Ok);
            await using var firstVoterAgain = await MeetingHubClient.ConnectAsync(server.BaseAddress, voters[0].Client.UserName);
            using var secondDevice = await BallotSigner.RegisterAsync(firstVoterAgain);
            Assert.Equal("ballot.already_voted", (await secondDevice.CastAsync(id, pollId, "no")).Error!.Code);
            Assert.True((await chairAgain.InvokeAsync(nameof(MeetingHub.ClosePoll), id, pollId)).Ok);

            var chain = (await chairAgain.Connection.InvokeAsync<Result<BallotChain>>(nameof(MeetingHub.GetBallotChain), id, pollId)).Value!;
            Assert.Equal(3, chain.Count);
            Assert.All(before, r => Assert.True(chain.Contains(r.Value!)));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A live meeting whose three voters (two delegates, then the chair) are present with registered devices.</summary>
    internal static async Task<(BallotSigner Chair, BallotSigner[] Voters, string MeetingId)> LiveMeetingAsync(CabinetServer server)
    {
        var chairClient = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chairClient);
        await chairClient.JoinAsync(id);
        var chair = await BallotSigner.RegisterAsync(chairClient);
        var voters = new List<BallotSigner>();
        foreach (var name in new[] { "daibieu1", "daibieu2" })
        {
            var client = await MeetingHubClient.ConnectAsync(server.BaseAddress, name);
            Assert.True((await client.JoinAsync(id)).Ok);
            voters.Add(await BallotSigner.RegisterAsync(client));
        }

        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        return (chair, [.. voters, chair], id);
    }

    internal static async Task<string> OpenPollAsync(BallotSigner chair, string id, Secrecy secrecy = Secrecy.Named)
    {
        var opened = await chair.Client.InvokeAsync(nameof(MeetingHub.OpenPoll), id,
            new MotionInput("i1", "Thông qua báo cáo", Secrecy: secrecy, Majority: MajorityRule.MoreThanHalfOfVotesCast));
        Assert.True(opened.Ok, opened.Error?.Code);
        var snapshot = await chair.Client.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id);
        return snapshot.Value!.OpenPoll!.PollId;
    }

    private static Task<(bool Ok, string Output)> OpenSslVerifyAsync(string folder, string content)
    {
        var result = Tool.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "result.p7s"),
            "-content", Path.Combine(folder, content), "-CAfile", Path.Combine(folder, "root.pem"), "-purpose", "any", "-out", "/dev/null");
        return Task.FromResult((result.ExitCode == 0, result.Output));
    }
}
