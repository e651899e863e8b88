using System.Net.Http.Headers;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>Drives a meeting to its sealed archive through the hub (no review, both signatures, the seal), and fetches what it produced over HTTP.</summary>
internal static class ClosingFlow
{
    /// <summary>The document the meeting discusses; the minutes and the archive list it.</summary>
    public const string DocumentTitle = "Báo cáo kinh tế - xã hội tháng 11";

    /// <summary>A live meeting with a document, one closed poll, one speech and one approved conclusion, then closed by the chair.</summary>
    /// <param name="hostMayDie">
    /// The host is set to crash while sealing, which starts right after the close: it may die before the close's
    /// answer reaches this client. The close is stored before sealing starts; the caller proves it after a restart.
    /// </param>
    public static async Task<string> HoldAndCloseAsync(CabinetServer server, bool hostMayDie = false)
    {
        await MinutesSigner.SetReviewHoursAsync(server.BaseAddress, 0);
        var (chair, voters, id) = await VotingTests.LiveMeetingAsync(server);
        var pollId = await VotingTests.OpenPollAsync(chair, id);
        foreach (var (voter, choice) in voters.Zip(["yes", "yes", "no"]))
        {
            Assert.True((await voter.CastAsync(id, pollId, choice)).Ok);
        }

        Assert.True((await chair.Client.InvokeAsync(nameof(MeetingHub.ClosePoll), id, pollId)).Ok);
        Assert.True((await voters[0].Client.InvokeAsync(nameof(MeetingHub.RequestFloor), id, new FloorRequestInput("Về số liệu thu ngân sách"))).Ok);
        Assert.True((await chair.Client.InvokeAsync(nameof(MeetingHub.GrantFloor), id, new FloorGrant())).Ok);
        Assert.True((await chair.Client.InvokeAsync(nameof(MeetingHub.EndSpeech), id)).Ok);
        using (var uploads = await DocumentUploads.SignInAsync(server.BaseAddress, "thuky"))
        {
            var (_, document, error) = await uploads.UploadAsync(id, SamplePdf.Create(["Báo cáo tình hình kinh tế - xã hội tháng 11"]),
                DocumentTitle, itemId: "i1");
            Assert.True(document is not null, error?.Code);
        }

        await using var secretary = await MeetingHubClient.ConnectAsync(server.BaseAddress, "thuky");
        var drafted = await secretary.InvokeAsync(nameof(MeetingHub.DraftConclusion), id, "i1",
            new[] { "Thống nhất thông qua báo cáo tình hình kinh tế - xã hội tháng 11.", "Giao Sở Tài chính hoàn thiện số liệu trước ngày 30/11." });
        Assert.True(drafted.Ok, drafted.Error?.Code);
        Assert.True((await chair.Client.InvokeAsync(nameof(MeetingHub.ApproveConclusion), id, "i1", 1)).Ok);
        try
        {
            Assert.True((await chair.Client.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Ok);
        }
        catch (Exception ex) when (hostMayDie && ex is not Xunit.Sdk.XunitException)
        {
            // The connection went down with the host before the answer came back.
        }

        return id;
    }

    /// <summary>The secretary and the chair sign the minutes on their devices, the secretary seals as clerk, and the archive follows.</summary>
    public static Task<MeetingSnapshot> WaitForArchiveAsync(CabinetServer server, string id) =>
        MinutesSigner.SignAndSealAsync(server.BaseAddress, id);

    public static async Task<byte[]> DownloadAsync(CabinetServer server, string userName, string path)
    {
        using var http = await ClientAsync(server, userName);
        return await http.GetByteArrayAsync(new Uri(path, UriKind.Relative));
    }

    public static async Task<HttpClient> ClientAsync(CabinetServer server, string userName)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MeetingHubClient.GetTokenAsync(server.BaseAddress, userName));
        return http;
    }

    /// <summary>Runs the built app's verify command, as an operator would.</summary>
    public static Tool.Result Verify(string target, string rootPem) =>
        Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", target, "--root", rootPem);
}
