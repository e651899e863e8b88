using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Cabinet.Errors;
using Cabinet.Opinions;
using Cabinet.Testing;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Tallying;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// An opinion ballot over the public hub against a real Cabinet: drafted with a PDF, returned, resubmitted, approved,
/// answered with device-signed answers (one with a written opinion), followed live by the chair, closed, and its
/// consolidated report signed by the secretary and the chair from their devices and sealed, checked with pdftotext and
/// pdfsig, its archive (with the signed answers) with the verify command.
/// </summary>
public sealed class OpinionBallotHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_whole_flow_ends_in_a_signed_report_with_the_counts_and_the_written_opinion()
    {
        await using var office = await fixture.ConnectAsync("thuky");
        await using var chair = await fixture.ConnectAsync("chutich");
        var members = new[] { "daibieu1", "daibieu2", "daibieu3" };
        var drafted = await office.Connection.InvokeAsync<Result<string>>(nameof(MeetingHub.DraftOpinionBallot), Draft(members));
        Assert.True(drafted.Ok, drafted.Error?.Code);
        var id = drafted.Value!;

        using (var http = await ClosingFlow.ClientAsync(fixture.Server, "thuky"))
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(SamplePdf.Create(["Dự thảo kế hoạch đầu tư công trung hạn"]));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "du-thao.pdf");
            form.Add(new StringContent("Dự thảo kế hoạch"), "name");
            var uploaded = await http.PostAsync(new Uri($"/api/opinions/{id}/documents", UriKind.Relative), form);
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        }

        var steps = new ConcurrentQueue<OpinionEvent>();
        chair.Connection.On<OpinionEvent>(nameof(IMeetingClient.OpinionEvent), steps.Enqueue);
        Assert.True((await chair.Connection.InvokeAsync<Result<OpinionBallotView>>(nameof(MeetingHub.FollowOpinionBallot), id)).Ok);

        Assert.True((await office.InvokeAsync(nameof(MeetingHub.SubmitOpinionBallot), id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ReturnOpinionBallot), id, "Nêu rõ nguồn vốn.")).Ok);
        Assert.True((await office.InvokeAsync(nameof(MeetingHub.EditOpinionBallot), id, Draft(members) with { Title = "Kế hoạch đầu tư công (nguồn vốn ngân sách tỉnh)" })).Ok);
        Assert.True((await office.InvokeAsync(nameof(MeetingHub.SubmitOpinionBallot), id)).Ok);
        Assert.Equal(ErrorCodes.NotOpinionChair.Code, (await office.InvokeAsync(nameof(MeetingHub.ApproveOpinionBallot), id)).Error?.Code);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ApproveOpinionBallot), id)).Ok);

        const string Written = "Đề nghị ưu tiên vốn cho giao thông nông thôn.";
        (string[] Choices, OpinionText? Text)[] answers =
            [(["q1:agree", "q2:o1"], null), ([$"q1:other:{Hash(Written)}", "q2:o2"], new OpinionText("q1", Written)), (["q1:agree", "q2:o1"], null)];
        foreach (var (member, (choices, written)) in members.Zip(answers))
        {
            await using var client = await fixture.ConnectAsync(member);
            using var signer = await BallotSigner.RegisterAsync(client);
            var answer = new OpinionAnswerSubmission(signer.Ballot(id, OpinionKey.AnswerPollId, choices), written is null ? [] : [written]);
            var receipt = await client.Connection.InvokeAsync<Result<Receipt>>(nameof(MeetingHub.AnswerOpinionBallot), id, answer);
            Assert.True(receipt.Ok, receipt.Error?.Code);
            Assert.Equal(64, receipt.Value!.ChainHash.Length);
        }

        await WaitAsync(() => steps.Count(s => s.Kind == OpinionEventKinds.Answered) == 3);
        var consolidation = (await chair.Connection.InvokeAsync<Result<OpinionConsolidation>>(nameof(MeetingHub.GetOpinionConsolidation), id)).Value!;
        Assert.Equal([2, 0, 1], consolidation.Questions[0].Counts.Select(c => c.Count));
        Assert.Empty(consolidation.NotAnswered);
        Assert.True((await office.InvokeAsync(nameof(MeetingHub.CloseOpinionBallot), id)).Ok);
        await WaitAsync(() => steps.Any(s => s.Kind == OpinionEventKinds.ReportDrafted));

        // The report waits for the secretary's then the chair's device signatures; the chair cannot go first.
        var signing = (await chair.Connection.InvokeAsync<Result<OpinionBallotView>>(nameof(MeetingHub.GetOpinionBallot), id)).Value!;
        Assert.Equal(OpinionReportStage.AwaitingSignatures, signing.ReportStage);
        Assert.Equal(["thuky", "chutich"], signing.ReportSigning!.Signatories.Select(p => p.UserName));
        using var chairDevice = await MinutesSigner.RegisterAsync(chair);
        using var secretaryDevice = await MinutesSigner.RegisterAsync(office);
        Assert.Equal(ErrorCodes.OpinionReportNotYourTurn.Code, (await chairDevice.SignOpinionReportAsync(id)).Error?.Code);
        Assert.True((await secretaryDevice.SignOpinionReportAsync(id)).Ok);
        Assert.Equal(ErrorCodes.MinutesNoSigningRequest.Code, (await chair.InvokeAsync(nameof(MeetingHub.CompleteOpinionReportSignature), id, "AAAA")).Error?.Code);
        Assert.True((await chairDevice.SignOpinionReportAsync(id)).Ok);
        await WaitAsync(() => steps.Any(s => s.Kind == OpinionEventKinds.ReportMade));
        Assert.Equal(ErrorCodes.OpinionReportSealed.Code, (await secretaryDevice.SignOpinionReportAsync(id)).Error?.Code);
        Assert.Equal(
            [OpinionEventKinds.Submitted, OpinionEventKinds.Returned, OpinionEventKinds.Edited, OpinionEventKinds.Submitted, OpinionEventKinds.Approved],
            steps.Select(s => s.Kind).Take(5));

        var folder = RepositoryPaths.NewTempFolder("opinion");
        var report = Path.Combine(folder, "report.pdf");
        await File.WriteAllBytesAsync(report, await ClosingFlow.DownloadAsync(fixture.Server, "daibieu2", $"/api/opinions/{id}/report.pdf"));
        var archive = Path.Combine(folder, "archive.zip");
        await File.WriteAllBytesAsync(archive, await ClosingFlow.DownloadAsync(fixture.Server, "thuky", $"/api/opinions/{id}/archive.zip"));
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllBytesAsync(root, await ClosingFlow.DownloadAsync(fixture.Server, "thuky", "/api/pki/root.pem"));

        var text = Tool.Run("pdftotext", report, "-").Output;
        Assert.Contains("BÁO CÁO TỔNG HỢP Ý KIẾN", text, StringComparison.Ordinal);
        Assert.Contains("Đồng ý: 2; Không đồng ý: 0; Ý kiến khác: 1", text, StringComparison.Ordinal);
        Assert.Contains(Written, text, StringComparison.Ordinal);
        Assert.Contains("Dự thảo kế hoạch", text, StringComparison.Ordinal);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(Path.Combine(folder, "nss"), root), report);
        Assert.True(pdfsig.Output.Split("Signature Validation: Signature is Valid.").Length - 1 == 3, pdfsig.Output);   // the secretary, the chair, the seal
        Assert.True(pdfsig.Output.Split("Certificate Validation: Certificate is Trusted.").Length - 1 == 3, pdfsig.Output);
        foreach (var signer in signing.ReportSigning.Signatories.Select(p => p.DisplayName))
        {
            Assert.Contains($"Signer Certificate Common Name: {signer}", pdfsig.Output, StringComparison.Ordinal);
        }

        var verified = ClosingFlow.Verify(archive, root);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("Phiếu lấy ý kiến", verified.Output, StringComparison.Ordinal);
        Assert.Contains("opinion/answers.jsonl", verified.Output, StringComparison.Ordinal);

        // An answer changed inside the sealed archive no longer matches the manifest the organisation signed.
        var tampered = Path.Combine(folder, "tampered.zip");
        File.Copy(archive, tampered);
        using (var zip = System.IO.Compression.ZipFile.Open(tampered, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("opinion/answers.jsonl")!;
            string lines;
            using (var reader = new StreamReader(entry.Open()))
            {
                lines = await reader.ReadToEndAsync();
            }

            entry.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry("opinion/answers.jsonl").Open());
            await writer.WriteAsync(lines.Replace("q2:o2", "q2:o1", StringComparison.Ordinal));
        }

        var refused = ClosingFlow.Verify(tampered, root);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("[archive.file_changed]", refused.Output, StringComparison.Ordinal);

        // A member who was not asked sees nothing; the ledger chains every step.
        await using var outsider = await fixture.ConnectAsync("daibieu8");
        Assert.Equal(ErrorCodes.Forbidden.Code, (await outsider.Connection.InvokeAsync<Result<OpinionBallotView>>(nameof(MeetingHub.GetOpinionBallot), id)).Error?.Code);
        var ledger = (await office.Connection.InvokeAsync<Result<Meetings.LedgerPage>>(nameof(MeetingHub.GetOpinionLedgerPage), id, 1L, 100)).Value!;
        Assert.Null(Voting.Ledger.LedgerVerifier.FindFirstFault(ledger.Entries));
        Assert.Equal(15, ledger.Entries.Length);   // drafted, document, 2 × submitted, returned, edited, approved, 3 answers, closed, report drafted, 2 × signed, sealed

        // The outcome on a meeting's agenda item: the secretary attaches it, a participant who was not asked sees it live
        // and reads the report through the meeting.
        var meetingId = await ServerFixture.NewMeetingAsync(chair);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.AddParticipants), meetingId, new[] { new Meetings.ParticipantInvite("daibieu8", Meetings.MeetingRole.Delegate) })).Ok);
        Assert.True((await outsider.JoinAsync(meetingId)).Ok);
        var item = outsider.Snapshot!.Agenda[1].Id;
        Assert.Equal(ErrorCodes.Forbidden.Code, (await outsider.InvokeAsync(nameof(MeetingHub.AttachOpinionOutcome), meetingId, item, id)).Error?.Code);
        Assert.Equal(ErrorCodes.OpinionOtherOrganization.Code,
            (await office.InvokeAsync(nameof(MeetingHub.AttachOpinionOutcome), meetingId, item, OpinionKey.Of("xa-khac", "ykien-1"))).Error?.Code);
        Assert.True((await office.InvokeAsync(nameof(MeetingHub.AttachOpinionOutcome), meetingId, item, id)).Ok);
        var outcome = (await outsider.WaitForAsync(m => m.Agenda[1].OpinionOutcome is not null)).Agenda[1].OpinionOutcome!;
        Assert.Equal(id, outcome.BallotId);
        Assert.Equal([2, 0, 1], outcome.Questions[0].Counts.Select(c => c.Count));
        Assert.True(outcome.Questions[0].Passes);
        var viaMeeting = await ClosingFlow.DownloadAsync(fixture.Server, "daibieu8", $"/api/meetings/{meetingId}/agenda/{item}/opinion-report.pdf");
        Assert.Equal(await File.ReadAllBytesAsync(report), viaMeeting);
        Assert.True((await office.InvokeAsync(nameof(MeetingHub.DetachOpinionOutcome), meetingId, item)).Ok);
        await outsider.WaitForAsync(m => m.Agenda[1].OpinionOutcome is null);
    }

    private static OpinionDraft Draft(string[] members) => new(
        "Kế hoạch đầu tư công trung hạn",
        [
            new OpinionQuestionInput("Thống nhất thông qua kế hoạch?", OpinionQuestionKind.AgreeDisagree, []),
            new OpinionQuestionInput("Thời điểm triển khai", OpinionQuestionKind.Choice, ["Quý II", "Quý III"]),
        ],
        [.. members],
        "chutich",
        DateTimeOffset.UtcNow.AddDays(2),
        MajorityKind.MoreThanHalfOfMembers,
        AnswersMayChange: true);

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(100, patience.Token);
        }
    }
}
