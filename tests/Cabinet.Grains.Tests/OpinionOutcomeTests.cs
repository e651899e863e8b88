using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Opinions;
using Cabinet.People;
using Cabinet.Voting.Tallying;

namespace Cabinet.Grains.Tests;

/// <summary>
/// A closed opinion ballot's outcome attached to a meeting's agenda item: the item carries it (and the ledger says so),
/// it can be detached before the meeting closes, and every refusal leaves the meeting as it was.
/// </summary>
public sealed class OpinionOutcomeTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    private static readonly Actor Secretary = ClusterFixture.Secretary;

    private IGrainFactory Grains => cluster.Client;

    [Fact]
    public async Task The_secretary_attaches_a_closed_ballot_and_every_participant_sees_it_on_the_item()
    {
        var meeting = await cluster.NewMeetingAsync();
        var ballot = await ClosedBallotAsync();
        var item = (await SnapshotAsync(meeting, Secretary)).Agenda[1].Id;

        Assert.True((await meeting.AttachOpinionOutcomeAsync(Secretary, item, ballot)).Ok);

        var seen = (await SnapshotAsync(meeting, ClusterFixture.Delegate2)).Agenda[1].OpinionOutcome!;   // a delegate not asked
        Assert.Equal(ballot, seen.BallotId);
        Assert.Equal(1, seen.Answered);
        var question = Assert.Single(seen.Questions);
        Assert.True(question.Passes);
        Assert.Equal(1, question.Counts.Single(c => c.Answer == OpinionAnswerTokens.Agree).Count);
        Assert.Equal(Json(seen), Json((await meeting.GetOpinionOutcomeAsync(ClusterFixture.Delegate2, item)).Value));
        var ledger = (await meeting.GetLedgerAsync(Secretary)).Value!;
        Assert.Equal(MeetingEventKinds.OpinionOutcomeAttached, ledger[^1].Command);
        Assert.Contains(ballot, ledger[^1].Detail, StringComparison.Ordinal);

        // An agenda correction keeps it; detaching removes it, once.
        Assert.True((await meeting.UpdateAgendaItemAsync(Secretary, item, new AgendaItemInput("Nội dung 2 (sửa)", "B", 10, ""))).Ok);
        Assert.NotNull((await SnapshotAsync(meeting, Secretary)).Agenda[1].OpinionOutcome);
        Assert.True((await meeting.DetachOpinionOutcomeAsync(Secretary, item)).Ok);
        Assert.Null((await SnapshotAsync(meeting, Secretary)).Agenda[1].OpinionOutcome);
        await RefusedAsync(meeting, ErrorCodes.OpinionOutcomeNotAttached, m => m.DetachOpinionOutcomeAsync(Secretary, item));
        Assert.Equal(ErrorCodes.OpinionOutcomeNotAttached.Code, (await meeting.GetOpinionOutcomeAsync(Secretary, item)).Error?.Code);
    }

    [Fact]
    public async Task Every_refusal_has_its_code_and_changes_nothing()
    {
        var meeting = await cluster.NewMeetingAsync();
        var item = (await SnapshotAsync(meeting, Secretary)).Agenda[0].Id;
        var (open, _) = await SentBallotAsync();
        var closed = await ClosedBallotAsync();

        await RefusedAsync(meeting, ErrorCodes.OpinionNotClosed, m => m.AttachOpinionOutcomeAsync(Secretary, item, open));
        await RefusedAsync(meeting, ErrorCodes.OpinionOtherOrganization,
            m => m.AttachOpinionOutcomeAsync(Secretary, item, OpinionKey.Of(ClusterFixture.OtherOrg, "ykien-khac")));
        await RefusedAsync(meeting, ErrorCodes.OpinionNotFound, m => m.AttachOpinionOutcomeAsync(Secretary, item, OpinionKey.Of(ClusterFixture.Org, "ykien-khong-co")));
        await RefusedAsync(meeting, ErrorCodes.OpinionNotFound, m => m.AttachOpinionOutcomeAsync(Secretary, item, "không hợp lệ"));
        await RefusedAsync(meeting, ErrorCodes.AgendaItemNotFound, m => m.AttachOpinionOutcomeAsync(Secretary, "i99", closed));
        await RefusedAsync(meeting, ErrorCodes.Forbidden, m => m.AttachOpinionOutcomeAsync(ClusterFixture.Delegate1, item, closed));

        // The meeting closes: nothing is attached or detached any more.
        Assert.True((await meeting.AttachOpinionOutcomeAsync(Secretary, item, closed)).Ok);
        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        Assert.True((await meeting.CloseAsync(ClusterFixture.Chair)).Ok);
        await RefusedAsync(meeting, ErrorCodes.MeetingClosed, m => m.AttachOpinionOutcomeAsync(Secretary, item, closed));
        await RefusedAsync(meeting, ErrorCodes.MeetingClosed, m => m.DetachOpinionOutcomeAsync(Secretary, item));
        Assert.NotNull((await SnapshotAsync(meeting, ClusterFixture.Delegate1)).Agenda[0].OpinionOutcome);
    }

    [Fact]
    public void The_summary_on_the_item_is_bounded_whatever_the_ballot_holds()
    {
        var text = new string('x', 2000);
        var ballot = new OpinionBallotView("tinh/y", "tinh", text, OpinionStatus.Closed, "thuky", new OpinionMember("chutich", "Chủ trì", ""),
            [], [], [], DateTimeOffset.UnixEpoch, MajorityKind.MoreThanHalfOfMembers, false, 1);
        var counts = Enumerable.Range(1, 10).Select(i => new OpinionCount($"o{i}", text, i)).ToImmutableArray();
        var questions = Enumerable.Range(1, 30).Select(i => new OpinionQuestionResult($"q{i}", text, counts, [], false, text)).ToImmutableArray();
        var outcome = OpinionOutcome.Of(ballot, new OpinionConsolidation("tinh/y", 1, 10, [], [], questions), new OpinionReportInfo(new string('a', 64), 1, "", 0, DateTimeOffset.UnixEpoch));

        Assert.Equal(OpinionOutcome.MaxQuestions, outcome.Questions.Length);
        Assert.Equal(OpinionOutcome.MaxTextChars, outcome.Title.Length);
        Assert.All(outcome.Questions, q => Assert.True(q.Text.Length == OpinionOutcome.MaxTextChars && q.Outcome.Length == OpinionOutcome.MaxTextChars));
        Assert.All(outcome.Questions.SelectMany(q => q.Counts), c => Assert.Equal(OpinionOutcome.MaxLabelChars, c.Label.Length));
        Assert.True(Json(outcome).Length < 40_000, $"{Json(outcome).Length} characters");
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static async Task<MeetingSnapshot> SnapshotAsync(IMeetingGrain meeting, Actor actor) => (await meeting.GetSnapshotAsync(actor)).Value!;

    /// <summary>Refused with <paramref name="expected"/>'s code; the meeting's version and agenda are as before.</summary>
    private static async Task RefusedAsync(IMeetingGrain meeting, CabinetError expected, Func<IMeetingGrain, Task<CommandResult>> command)
    {
        var before = await SnapshotAsync(meeting, Secretary);
        var result = await command(meeting);
        Assert.Equal(expected.Code, result.Error?.Code);
        var after = await SnapshotAsync(meeting, Secretary);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(Json(before.Agenda), Json(after.Agenda));
    }

    /// <summary>A sent ballot asking one member (Delegate1) one agree/disagree question.</summary>
    private async Task<(string Key, IOpinionBallotGrain Ballot)> SentBallotAsync()
    {
        var key = OpinionKey.Of(ClusterFixture.Org, $"y-{Guid.NewGuid():N}"[..20]);
        var ballot = Grains.GetGrain<IOpinionBallotGrain>(key);
        var draft = new OpinionDraft("Lấy ý kiến về quy hoạch", [new OpinionQuestionInput("Thống nhất?", OpinionQuestionKind.AgreeDisagree, [])],
            [ClusterFixture.Delegate1.UserName], ClusterFixture.Chair.UserName, DateTimeOffset.UtcNow.AddDays(1), MajorityKind.MoreThanHalfOfMembers, AnswersMayChange: false);
        Assert.True((await ballot.DraftAsync(Secretary, draft)).Ok);
        Assert.True((await ballot.SubmitAsync(Secretary)).Ok);
        Assert.True((await ballot.ApproveAsync(ClusterFixture.Chair)).Ok);
        return (key, ballot);
    }

    private async Task<string> ClosedBallotAsync()
    {
        var (key, ballot) = await SentBallotAsync();
        using var voter = await TestVoter.RegisterAsync(Grains, ClusterFixture.Delegate1);
        Assert.True((await ballot.AnswerAsync(voter.Actor, new OpinionAnswerSubmission(voter.Ballot(key, OpinionKey.AnswerPollId, "q1:agree"), []))).Ok);
        Assert.True((await ballot.CloseAsync(Secretary)).Ok);
        await OpinionReportSigning.SignInTurnAsync(Grains, ballot, Secretary, ClusterFixture.Chair);
        Assert.NotNull((await ballot.GetAsync(Secretary)).Value!.Report);
        return key;
    }
}
