using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Opinions;
using Cabinet.People;
using Cabinet.Voting.Ledger;
using Cabinet.Voting.Tallying;

namespace Cabinet.Grains.Tests;

/// <summary>
/// The opinion ballot's state machine through its grain: every step by the right person in the right state, every
/// other step refused with its code and nothing changed, signed answers, the consolidation, the close and the report.
/// </summary>
public sealed class OpinionBallotTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    private static readonly Actor Office = ClusterFixture.Secretary;
    private static readonly Actor Chair = ClusterFixture.Chair;
    private static readonly Actor[] Members = [ClusterFixture.Delegate1, ClusterFixture.Delegate2, ClusterFixture.Colleague];

    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task The_whole_workflow_goes_round_once_and_ends_in_a_sealed_report()
    {
        var (ballot, key) = await DraftAsync();
        Assert.True((await ballot.SubmitAsync(Office)).Ok);
        Assert.True((await ballot.ReturnAsync(Chair, "Bổ sung phương án thời gian.")).Ok);
        var returned = await ViewAsync(ballot);
        Assert.Equal(OpinionStatus.Draft, returned.Status);
        Assert.Equal("Bổ sung phương án thời gian.", returned.ReturnComment);

        Assert.True((await ballot.EditAsync(Office, Draft(title: "Lấy ý kiến về kế hoạch đầu tư công (sửa)"))).Ok);
        Assert.True((await ballot.SubmitAsync(Office)).Ok);
        Assert.Null((await ViewAsync(ballot)).ReturnComment);
        Assert.True((await ballot.ApproveAsync(Chair)).Ok);
        var sent = await ViewAsync(ballot);
        Assert.Equal(OpinionStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Round);

        using var first = await TestVoter.RegisterAsync(Grains, Members[0]);
        using var second = await TestVoter.RegisterAsync(Grains, Members[1]);
        using var third = await TestVoter.RegisterAsync(Grains, Members[2]);
        const string Written = "Đề nghị lùi thời hạn sang quý III.";
        var receipt = await AnswerAsync(ballot, key, first, ["q1:agree", "q2:o1"]);
        await AnswerAsync(ballot, key, second, [$"q1:other:{Hash(Written)}", "q2:o2"], new OpinionText("q1", Written));

        var live = (await ballot.GetConsolidationAsync(Chair)).Value!;
        Assert.Equal([1, 0, 1], live.Questions[0].Counts.Select(c => c.Count));
        Assert.Equal(Written, Assert.Single(live.Questions[0].WrittenOpinions).Text);
        Assert.Equal([ClusterFixture.Colleague.UserName], live.NotAnswered.Select(m => m.UserName));
        Assert.Equal(ErrorCodes.OpinionNotClosable.Code, (await ballot.CloseAsync(Office)).Error?.Code);

        await AnswerAsync(ballot, key, third, ["q1:agree", "q2:o1"]);
        Assert.True((await ballot.CloseAsync(Office)).Ok);
        var closed = await ViewAsync(ballot);
        Assert.Equal(OpinionStatus.Closed, closed.Status);
        Assert.Equal(OpinionReportStage.AwaitingSignatures, closed.ReportStage);
        Assert.Null(closed.Report);
        Assert.Equal([Office.UserName, Chair.UserName], closed.ReportSigning!.Signatories.Select(p => p.UserName));
        var consolidation = (await ballot.GetConsolidationAsync(Members[0])).Value!;   // members read it once closed
        Assert.True(consolidation.Questions[0].Passes);                                 // 2 of 3 members agree: more than half

        var draft = (await ballot.GetReportAsync(Members[2])).Value!;
        Assert.Equal("%PDF"u8.ToArray(), draft[..4]);
        Assert.Equal(ErrorCodes.OpinionReportNotReady.Code, (await ballot.GetArchiveAsync(Office)).Error?.Code);

        // The secretary, then the chair, each on their own device; nobody else, and not out of turn.
        using var chairKey = await TestVoter.RegisterAsync(Grains, Chair);
        using var officeKey = await TestVoter.RegisterAsync(Grains, Office);
        Assert.Equal(ErrorCodes.OpinionReportNotYourTurn.Code, (await ballot.BeginReportSignatureAsync(Chair, chairKey.DeviceId)).Error?.Code);
        Assert.Equal(ErrorCodes.OpinionReportNotYourTurn.Code, (await ballot.BeginReportSignatureAsync(Members[0], first.DeviceId)).Error?.Code);
        Assert.Equal(ErrorCodes.MinutesNoSigningRequest.Code, (await ballot.CompleteReportSignatureAsync(Office, "AAAA")).Error?.Code);
        await OpinionReportSigning.SignAsync(ballot, officeKey);
        Assert.Equal(ErrorCodes.OpinionReportNotYourTurn.Code, (await ballot.BeginReportSignatureAsync(Office, officeKey.DeviceId)).Error?.Code);
        await OpinionReportSigning.SignAsync(ballot, chairKey);
        var reported = await ViewAsync(ballot);
        Assert.Equal(OpinionReportStage.Sealed, reported.ReportStage);
        Assert.Equal(ErrorCodes.OpinionReportSealed.Code, (await ballot.BeginReportSignatureAsync(Chair, chairKey.DeviceId)).Error?.Code);

        var report = (await ballot.GetReportAsync(Members[2])).Value!;
        Assert.Equal("%PDF"u8.ToArray(), report[..4]);
        Assert.True(report.Length > draft.Length);
        var archive = (await ballot.GetArchiveAsync(Office)).Value!;
        Assert.Equal("PK"u8.ToArray(), archive[..2]);

        var ledger = (await ballot.GetLedgerPageAsync(Office, 1, 100)).Value!.Entries;
        Assert.Null(LedgerVerifier.FindFirstFault(ledger));
        Assert.Equal(
            [OpinionEventKinds.Drafted, OpinionEventKinds.Submitted, OpinionEventKinds.Returned, OpinionEventKinds.Edited, OpinionEventKinds.Submitted,
             OpinionEventKinds.Approved, OpinionEventKinds.Answered, OpinionEventKinds.Answered, OpinionEventKinds.Answered, OpinionEventKinds.Closed,
             OpinionEventKinds.ReportDrafted, OpinionEventKinds.ReportSigned, OpinionEventKinds.ReportSigned, OpinionEventKinds.ReportMade],
            ledger.Select(e => e.Command));
        Assert.Equal(receipt.ChainHash, ledger[6].Hash);   // the receipt names the answer's own ledger entry
        Assert.Contains(receipt.BallotHash, ledger[6].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_illegal_step_is_refused_and_changes_nothing()
    {
        var (ballot, key) = await DraftAsync();
        using var voter = await TestVoter.RegisterAsync(Grains, Members[0]);
        var answer = Answer(key, voter, ["q1:agree", "q2:o1"]);

        // Draft: only the office edits and submits; nobody reviews, answers or closes a draft.
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.ApproveAsync(Chair));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.ReturnAsync(Chair, "Chưa trình."));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.CloseAsync(Office));
        await RefusedAsync(ballot, ErrorCodes.NotOpinionOffice, b => b.SubmitAsync(Members[0]));
        await RefusedAsync(ballot, ErrorCodes.NotOpinionOffice, b => b.EditAsync(Members[0], Draft()));
        await RefusedAsync(ballot, ErrorCodes.OpinionExists, b => b.DraftAsync(Office, Draft()));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, async b => Command((await b.AnswerAsync(Members[0], answer)).Error));
        Assert.Equal(ErrorCodes.Forbidden.Code, (await ballot.GetAsync(Members[0])).Error?.Code);   // members see it only once sent

        // Submitted: the chair only approves or returns (with a comment); the office waits.
        Assert.True((await ballot.SubmitAsync(Office)).Ok);
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.EditAsync(Office, Draft()));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.SubmitAsync(Office));
        await RefusedAsync(ballot, ErrorCodes.NotOpinionChair, b => b.ApproveAsync(Office));
        await RefusedAsync(ballot, ErrorCodes.NotOpinionChair, b => b.ReturnAsync(Members[1], "Không."));
        await RefusedAsync(ballot, ErrorCodes.InvalidInput, b => b.ReturnAsync(Chair, "  "));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.CloseAsync(Office));

        // Sent: no more edits or reviews; closing waits for the deadline or every answer.
        Assert.True((await ballot.ApproveAsync(Chair)).Ok);
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.EditAsync(Office, Draft()));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.SubmitAsync(Office));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.ApproveAsync(Chair));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.ReturnAsync(Chair, "Muộn rồi."));
        await RefusedAsync(ballot, ErrorCodes.OpinionIllegalStep, b => b.AttachDocumentAsync(Office, "Dự thảo", new string('a', 64), 10));
        await RefusedAsync(ballot, ErrorCodes.OpinionNotClosable, b => b.CloseAsync(Office));
        await RefusedAsync(ballot, ErrorCodes.NotOpinionOffice, b => b.CloseAsync(Members[0]));

        // Answers: not asked, forged, not fitting the questions, a written opinion that is not the one signed.
        using var outsider = await TestVoter.RegisterAsync(Grains, ClusterFixture.Outsider);
        using var colleague = await TestVoter.RegisterAsync(Grains, Members[2]);
        await RefusedAsync(ballot, ErrorCodes.OpinionNotAsked, async b => Command((await b.AnswerAsync(ClusterFixture.Outsider, Answer(key, outsider, ["q1:agree", "q2:o1"]))).Error));
        await RefusedAsync(ballot, ErrorCodes.OpinionSignatureInvalid, async b => Command((await b.AnswerAsync(Members[0],
            new OpinionAnswerSubmission(voter.Forged(key, OpinionKey.AnswerPollId, "q1:agree", "q2:o1"), []))).Error));
        await RefusedAsync(ballot, ErrorCodes.DeviceUnknown, async b => Command((await b.AnswerAsync(Members[1], answer)).Error));   // someone else's device
        foreach (var choices in new[] { ["q1:agree"], ["q1:agree", "q2:o3"], ["q2:o1", "q1:agree"], ["q1:yes", "q2:o1"], new[] { $"q1:other:{Hash("x")}", "q2:o1" } })
        {
            await RefusedAsync(ballot, ErrorCodes.OpinionAnswerInvalid, async b => Command((await b.AnswerAsync(Members[0], Answer(key, voter, choices))).Error));
        }

        await RefusedAsync(ballot, ErrorCodes.OpinionAnswerInvalid, async b => Command((await b.AnswerAsync(Members[0],
            Answer(key, voter, [$"q1:other:{Hash("đã ký")}", "q2:o1"], new OpinionText("q1", "đã sửa sau khi ký")))).Error));

        // This ballot does not let an answer change; the same signed answer again gets its receipt, stored once.
        var receipt = await AnswerAsync(ballot, key, voter, ["q1:disagree", "q2:o2"]);
        await RefusedAsync(ballot, ErrorCodes.OpinionAnswerFinal, async b => Command((await b.AnswerAsync(Members[0], Answer(key, voter, ["q1:agree", "q2:o1"]))).Error));
        Assert.Equal(ErrorCodes.Forbidden.Code, (await ballot.GetConsolidationAsync(Members[0])).Error?.Code);   // not while it runs
        Assert.Equal(receipt, (await ballot.GetMyAnswerAsync(Members[0])).Value!.Receipt);
    }

    [Fact]
    public async Task A_changeable_answer_is_replaced_and_counted_once()
    {
        var (ballot, key) = await DraftAsync(Draft() with { AnswersMayChange = true });
        Assert.True((await ballot.SubmitAsync(Office)).Ok);
        Assert.True((await ballot.ApproveAsync(Chair)).Ok);
        using var voter = await TestVoter.RegisterAsync(Grains, Members[0]);
        var signed = Answer(key, voter, ["q1:agree", "q2:o1"]);
        var first = (await ballot.AnswerAsync(Members[0], signed)).Value!;
        Assert.Equal(first, (await ballot.AnswerAsync(Members[0], signed)).Value);   // a replay: same receipt
        var changed = await AnswerAsync(ballot, key, voter, ["q1:disagree", "q2:o2"]);
        Assert.Equal(first.Position + 1, changed.Position);

        var counts = (await ballot.GetConsolidationAsync(Office)).Value!.Questions.Select(q => q.Counts.Select(c => c.Count).ToArray()).ToArray();
        Assert.Equal([0, 1, 0], counts[0]);
        Assert.Equal([0, 1], counts[1]);
    }

    [Fact]
    public async Task Bad_drafts_are_refused_and_create_nothing()
    {
        var tooMany = Draft() with { Questions = [.. Enumerable.Range(1, 21).Select(i => new OpinionQuestionInput($"Câu {i}", OpinionQuestionKind.AgreeDisagree, []))] };
        var oneOption = Draft() with { Questions = [new OpinionQuestionInput("Chọn", OpinionQuestionKind.Choice, ["Một"])] };
        var past = Draft() with { Deadline = DateTimeOffset.UtcNow.AddMinutes(-1) };
        var stranger = Draft() with { Members = [ClusterFixture.Delegate1.UserName, ClusterFixture.Outsider.UserName] };
        var longText = Draft() with { Questions = [new OpinionQuestionInput(new string('x', 2001), OpinionQuestionKind.AgreeDisagree, [])] };
        foreach (var (draft, code) in new[] { (tooMany, ErrorCodes.InvalidInput), (oneOption, ErrorCodes.InvalidInput), (past, ErrorCodes.InvalidInput), (stranger, ErrorCodes.UnknownUser), (longText, ErrorCodes.InvalidInput) })
        {
            var ballot = Grains.GetGrain<IOpinionBallotGrain>(OpinionKey.Of(ClusterFixture.Org, $"y-{Guid.NewGuid():N}"[..20]));
            Assert.Equal(code.Code, (await ballot.DraftAsync(Office, draft)).Error?.Code);
            Assert.Equal(ErrorCodes.OpinionNotFound.Code, (await ballot.GetAsync(Office)).Error?.Code);
        }

        var byMember = Grains.GetGrain<IOpinionBallotGrain>(OpinionKey.Of(ClusterFixture.Org, $"y-{Guid.NewGuid():N}"[..20]));
        Assert.Equal(ErrorCodes.NotOpinionOffice.Code, (await byMember.DraftAsync(Members[0], Draft())).Error?.Code);
        var otherOrganisation = Grains.GetGrain<IOpinionBallotGrain>(OpinionKey.Of(ClusterFixture.OtherOrg, $"y-{Guid.NewGuid():N}"[..20]));
        Assert.Equal(ErrorCodes.NotOpinionOffice.Code, (await otherOrganisation.DraftAsync(Office, Draft())).Error?.Code);
    }

    [Fact]
    public async Task The_deadline_reminder_records_the_deadline_once_and_answers_stop()
    {
        var (ballot, key) = await DraftAsync(Draft() with { Deadline = DateTimeOffset.UtcNow.AddSeconds(4) });
        Assert.True((await ballot.SubmitAsync(Office)).Ok);
        Assert.True((await ballot.ApproveAsync(Chair)).Ok);
        using var voter = await TestVoter.RegisterAsync(Grains, Members[0]);

        ImmutableArray<LedgerEntry> ledger = [];
        for (var i = 0; i < 120 && !ledger.Any(e => e.Command == OpinionEventKinds.DeadlinePassed); i++)
        {
            await Task.Delay(500);
            ledger = (await ballot.GetLedgerPageAsync(Office, 1, 100)).Value!.Entries;
        }

        Assert.Single(ledger, e => e.Command == OpinionEventKinds.DeadlinePassed);
        Assert.Equal(ErrorCodes.OpinionDeadlinePassed.Code, (await ballot.AnswerAsync(Members[0], Answer(key, voter, ["q1:agree", "q2:o1"]))).Error?.Code);
        Assert.True((await ballot.CloseAsync(Office)).Ok);   // after the deadline the office closes with answers missing
        Assert.Equal(3, (await ballot.GetConsolidationAsync(Chair)).Value!.NotAnswered.Length);
    }

    private static OpinionDraft Draft(string title = "Lấy ý kiến về kế hoạch đầu tư công") => new(
        title,
        [
            new OpinionQuestionInput("Thống nhất thông qua kế hoạch?", OpinionQuestionKind.AgreeDisagree, []),
            new OpinionQuestionInput("Thời điểm triển khai", OpinionQuestionKind.Choice, ["Quý II", "Quý III"]),
        ],
        [.. Members.Select(m => m.UserName)],
        Chair.UserName,
        DateTimeOffset.UtcNow.AddDays(3),
        MajorityKind.MoreThanHalfOfMembers,
        AnswersMayChange: false);

    private async Task<(IOpinionBallotGrain Ballot, string Key)> DraftAsync(OpinionDraft? draft = null)
    {
        var key = OpinionKey.Of(ClusterFixture.Org, $"y-{Guid.NewGuid():N}"[..20]);
        var ballot = Grains.GetGrain<IOpinionBallotGrain>(key);
        var drafted = await ballot.DraftAsync(Office, draft ?? Draft());
        Assert.True(drafted.Ok, drafted.Error?.Code);
        return (ballot, key);
    }

    private static async Task<OpinionBallotView> ViewAsync(IOpinionBallotGrain ballot) => (await ballot.GetAsync(Office)).Value!;

    private static OpinionAnswerSubmission Answer(string key, TestVoter voter, string[] choices, params OpinionText[] texts) =>
        new(voter.Ballot(key, OpinionKey.AnswerPollId, choices), [.. texts]);

    private static async Task<Voting.Ballots.Receipt> AnswerAsync(IOpinionBallotGrain ballot, string key, TestVoter voter, string[] choices, params OpinionText[] texts)
    {
        var answered = await ballot.AnswerAsync(voter.Actor, Answer(key, voter, choices, texts));
        Assert.True(answered.Ok, answered.Error?.Code);
        return answered.Value!;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static CommandResult Command(CabinetError? error) => error is null ? CommandResult.Accepted(0) : CommandResult.Refused(error);

    /// <summary>The step is refused with <paramref name="expected"/>'s code, and the ballot (state, version, answers) is as before.</summary>
    private static async Task RefusedAsync(IOpinionBallotGrain ballot, CabinetError expected, Func<IOpinionBallotGrain, Task<CommandResult>> step)
    {
        var before = await ViewAsync(ballot);
        var answersBefore = (await ballot.GetConsolidationAsync(Office)).Value!;
        var result = await step(ballot);
        Assert.False(result.Ok);
        Assert.Equal(expected.Code, result.Error?.Code);
        var after = await ViewAsync(ballot);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
        Assert.Equal(answersBefore.Answered, (await ballot.GetConsolidationAsync(Office)).Value!.Answered);
    }
}
