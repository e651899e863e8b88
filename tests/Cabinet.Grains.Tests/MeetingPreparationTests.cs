using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Records.Minutes;
using Cabinet.Voting.Tallying;

namespace Cabinet.Grains.Tests;

/// <summary>Preparing a meeting (issue 14): who sees a draft, invitations and their answers, quorum, the agenda while live, the minutes' counts.</summary>
public sealed class MeetingPreparationTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    private static readonly Actor Administrator = new("admin14", "Quản trị", ClusterFixture.Org, IsAdministrator: true);
    private static readonly Actor Guest = new("guest14", "Khách mời", ClusterFixture.Org, false);
    private static readonly Actor Commune = new("commune14", "Chủ tịch xã", ClusterFixture.OtherOrg, false);
    private static readonly Actor Deputy = new("deputy14", "Phó giám đốc", ClusterFixture.Org, false);

    private async Task RegisterAsync()
    {
        foreach (var actor in new[] { Administrator, Guest, Commune, Deputy })
        {
            var user = cluster.Client.GetGrain<IUserGrain>(actor.UserName);
            if (await user.GetProfileAsync() is null)
            {
                await user.RegisterAsync(new UserRegistration(new UserProfile(actor.UserName, actor.DisplayName, actor.OrganizationId, "Chức vụ", actor.IsAdministrator), "mat-khau-du-dai"));
            }
        }
    }

    /// <summary>The fixture's meeting (chair, secretary, two delegates) with a guest and a person of another organisation.</summary>
    private async Task<IMeetingGrain> MeetingAsync(bool schedule)
    {
        await RegisterAsync();
        var meeting = await cluster.NewMeetingAsync(schedule: false);
        Assert.True((await meeting.AddParticipantsAsync(ClusterFixture.Secretary, [new(Guest.UserName, MeetingRole.Guest), new(Commune.UserName, MeetingRole.Guest)])).Ok);
        if (schedule)
        {
            Assert.True((await meeting.ScheduleAsync(ClusterFixture.Secretary)).Ok);
        }

        return meeting;
    }

    [Fact]
    public async Task A_draft_is_seen_by_its_chair_secretary_and_the_organisers_delegates_see_it_once_scheduled()
    {
        var meeting = await MeetingAsync(schedule: false);
        var organiser = ClusterFixture.Colleague with { IsOrganizer = true };

        foreach (var hidden in new[] { ClusterFixture.Delegate1, Guest, ClusterFixture.Colleague, Administrator with { IsAdministrator = false } })
        {
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetSnapshotAsync(hidden)).Error!.Code);
        }

        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.ConnectAsync(ClusterFixture.Delegate1, "d1", ClusterFixture.Host)).Error!.Code);
        Assert.True((await meeting.GetSnapshotAsync(ClusterFixture.Secretary)).Ok);
        Assert.Equal(MeetingRole.Organizer, (await meeting.GetSummaryAsync(organiser)).Value!.MyRole);
        Assert.True((await meeting.AddAgendaItemAsync(organiser, new AgendaItemInput("Do văn phòng bổ sung", "Văn phòng", 5, null))).Ok);
        Assert.Equal(ErrorCodes.NotInvited.Code, (await meeting.AnswerInvitationAsync(ClusterFixture.Delegate1, new(AnswerKind.Attending))).Error!.Code);

        Assert.True((await meeting.ScheduleAsync(ClusterFixture.Secretary)).Ok);

        Assert.Equal(MeetingRole.Delegate, (await meeting.GetSummaryAsync(ClusterFixture.Delegate1)).Value!.MyRole);
        Assert.Equal(MeetingRole.Observer, (await meeting.GetSummaryAsync(Administrator)).Value!.MyRole);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetSnapshotAsync(organiser)).Error!.Code);
    }

    [Fact]
    public async Task A_person_of_another_organisation_sees_the_invitation_only_until_they_accept()
    {
        var meeting = await MeetingAsync(schedule: true);

        var invitation = await meeting.GetInvitationAsync(Commune);
        Assert.True(invitation.Ok, invitation.Error?.Code);
        Assert.Equal(("Phiên họp thử", false, MeetingRole.Guest), (invitation.Value!.Details.Title, invitation.Value.TakesPart, invitation.Value.Role));
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetSnapshotAsync(Commune)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.ConnectAsync(Commune, "c", ClusterFixture.Host)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetDocumentAccessAsync(Commune, "d1")).Error!.Code);
        Assert.Equal(ErrorCodes.NotInvited.Code, (await meeting.GetInvitationAsync(ClusterFixture.Outsider)).Error!.Code);

        Assert.True((await meeting.AnswerInvitationAsync(Commune, new(AnswerKind.Attending))).Ok);

        var snapshot = await meeting.GetSnapshotAsync(Commune);
        Assert.True(snapshot.Ok);
        Assert.Equal(AnswerKind.Attending, snapshot.Value!.Participants.Single(p => p.UserName == Commune.UserName).AnswerKind);
        Assert.True((await meeting.GetInvitationAsync(Commune)).Value!.TakesPart);
    }

    [Fact]
    public async Task The_secretary_sees_answers_live_and_a_deputy_attends_without_holding_the_seat()
    {
        var meeting = await MeetingAsync(schedule: true);
        var observer = new RecordingObserver();
        await meeting.SubscribeAsync(cluster.Client.CreateObjectReference<IMeetingObserver>(observer));

        Assert.Equal(ErrorCodes.DeputyInvalid.Code, (await meeting.AnswerInvitationAsync(ClusterFixture.Delegate1, new(AnswerKind.Deputy, Deputy: "nobody"))).Error!.Code);
        Assert.Equal(ErrorCodes.DeputyInvalid.Code, (await meeting.AnswerInvitationAsync(ClusterFixture.Delegate1, new(AnswerKind.Deputy, Deputy: Guest.UserName))).Error!.Code);
        Assert.True((await meeting.AnswerInvitationAsync(ClusterFixture.Delegate1, new(AnswerKind.Deputy, "Đi công tác", Deputy.UserName))).Ok);
        Assert.True((await meeting.AnswerInvitationAsync(ClusterFixture.Delegate2, new(AnswerKind.Absent, "Ốm"))).Ok);

        var answered = (await observer.WaitForAsync(2)).First(e => e.Kind == MeetingEventKinds.InvitationAnswered);
        Assert.Equal((AnswerKind.Deputy, "Đi công tác"), (answered.ParticipantUpdates!.Value[0].AnswerKind, answered.ParticipantUpdates.Value[0].Answer!.Reason));
        var snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Secretary)).Value!;
        var deputy = snapshot.Participants.Single(p => p.UserName == Deputy.UserName);
        Assert.Equal((MeetingRole.Guest, ClusterFixture.Delegate1.UserName), (deputy.Role, deputy.DeputyFor));
        Assert.Equal(MeetingRole.Guest, (await meeting.GetSummaryAsync(Deputy)).Value!.MyRole);

        // A People's Committee: the deputy does not vote, so the seat stays the member's, and the member total stays 3.
        Assert.True((await meeting.ConnectAsync(Deputy, "dep", ClusterFixture.Host)).Ok);
        var quorum = (await meeting.GetSnapshotAsync(ClusterFixture.Secretary)).Value!.Quorum;
        Assert.Equal((3, 0, 2, false), (quorum.MembersTotal, quorum.MembersPresent, quorum.Required, quorum.Met));

        // Changing the answer takes the deputy off the list.
        Assert.True((await meeting.AnswerInvitationAsync(ClusterFixture.Delegate1, new(AnswerKind.Attending))).Ok);
        Assert.DoesNotContain((await meeting.GetSnapshotAsync(ClusterFixture.Secretary)).Value!.Participants, p => p.UserName == Deputy.UserName);
    }

    [Fact]
    public async Task A_binding_poll_without_quorum_is_refused_unless_the_chair_confirms()
    {
        var meeting = await MeetingAsync(schedule: true);
        await meeting.ConnectAsync(ClusterFixture.Chair, "chair", ClusterFixture.Host);
        await meeting.ConnectAsync(Guest, "guest", ClusterFixture.Host);
        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        var before = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        Assert.Equal((3, 1, false), (before.Quorum.MembersTotal, before.Quorum.MembersPresent, before.Quorum.Met));

        var refused = await meeting.OpenPollAsync(ClusterFixture.Chair, new MotionInput("i1", "Thông qua"));
        Assert.Equal(ErrorCodes.PollNoQuorum.Code, refused.Error!.Code);
        Assert.Equal(before.Version, await meeting.GetVersionAsync());

        await meeting.ConnectAsync(ClusterFixture.Delegate1, "d1", ClusterFixture.Host);
        Assert.True((await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Quorum.Met);
        await meeting.DisconnectAsync(ClusterFixture.Delegate1, "d1");

        var confirmed = await meeting.OpenPollAsync(ClusterFixture.Chair, new MotionInput("i1", "Thông qua", ConfirmWithoutQuorum: true));
        Assert.True(confirmed.Ok, confirmed.Error?.Code);
        var poll = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.OpenPoll!;
        Assert.Equal((QuorumRule.TwoThirdsOfMembers, MajorityRule.MoreThanHalfOfMembers, 3), (poll.Motion.Quorum, poll.Motion.Majority, poll.MemberCount));
    }

    [Fact]
    public async Task The_chair_adds_an_urgent_item_and_corrects_one_while_live_each_in_the_ledger_and_the_minutes()
    {
        var meeting = await MeetingAsync(schedule: true);
        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        Assert.True((await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.Next)).Ok);

        Assert.True((await meeting.AddAgendaItemAsync(ClusterFixture.Chair, new AgendaItemInput("Các vấn đề phát sinh", "Chủ tịch", 10, null))).Ok);
        Assert.True((await meeting.UpdateAgendaItemAsync(ClusterFixture.Secretary, "i3", new AgendaItemInput("Nội dung 3 (sửa)", "Sở Nội vụ", 10, null))).Ok);
        Assert.True((await meeting.ReorderAgendaAsync(ClusterFixture.Chair, ["i1", "i2", "i4", "i3"])).Ok);
        Assert.Equal(ErrorCodes.AgendaItemTakenUp.Code, (await meeting.ReorderAgendaAsync(ClusterFixture.Chair, ["i2", "i1", "i4", "i3"])).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.AddAgendaItemAsync(ClusterFixture.Delegate1, new AgendaItemInput("X", null, 1, null))).Error!.Code);

        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value!;
        Assert.Contains(ledger, e => e.Command == MeetingEventKinds.AgendaItemAdded && e.Detail.Contains("Các vấn đề phát sinh", StringComparison.Ordinal)
            && e.Detail.Contains("\"addedDuringMeeting\":true", StringComparison.Ordinal));
        Assert.Contains(ledger, e => e.Command == MeetingEventKinds.AgendaItemUpdated && e.Detail.Contains("Sở Nội vụ", StringComparison.Ordinal));
        var snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        Assert.Equal(["i1", "i2", "i4", "i3"], snapshot.Agenda.Select(i => i.Id));
        Assert.True(snapshot.Agenda.Single(i => i.Id == "i4").AddedDuringMeeting);
    }

    [Fact]
    public void The_minutes_count_members_apart_from_the_secretary_guests_and_deputies()
    {
        var minutes = MinutesBuilder.Build(ClosedMeeting(), "UBND tỉnh", []);

        Assert.Equal(["Ông chair", "Ông d1", "Ông d2", "Ông d3"], minutes.Attendance.Select(a => a.Name));
        Assert.Equal(2, minutes.Attendance.Count(a => a.Status != AttendanceStatus.Absent));
        Assert.Equal("Ốm", minutes.Attendance.Single(a => a.Name == "Ông d2").Note);
        Assert.Equal("Đi công tác; ủy quyền Ông dep dự thay", minutes.Attendance.Single(a => a.Name == "Ông d3").Note);
        Assert.Equal(["Chức vụ (khách mời)", "Chức vụ (dự họp thay Ông d3)"], minutes.Guests.Select(g => g.Position));
        Assert.True(minutes.AgendaItems[1].AddedDuringMeeting);
        var text = MinutesText(minutes);
        Assert.Contains("có mặt 2/4 thành viên", text, StringComparison.Ordinal);
        Assert.Contains("Các vấn đề phát sinh (bổ sung trong cuộc họp)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_minutes_carry_an_opinion_ballots_outcome_attached_to_an_item()
    {
        var outcome = new Opinions.OpinionOutcome("tinh/b1", "Chủ trương sửa chữa trụ sở", DateTimeOffset.UnixEpoch, Asked: 5, Answered: 4,
            [new Opinions.OpinionQuestionOutcome("q1", "Đồng ý chủ trương sửa chữa?", true, "Thông qua (4/5 thành viên đồng ý)",
                [new Opinions.OpinionCount("agree", "Đồng ý", 4), new Opinions.OpinionCount("disagree", "Không đồng ý", 0)])],
            new string('a', 64));
        var state = ClosedMeeting();
        state = state with { Agenda = [state.Agenda[0] with { OpinionOutcome = outcome }, state.Agenda[1]] };

        // One line of words: the layout wraps long paragraphs.
        var text = System.Text.RegularExpressions.Regex.Replace(MinutesText(MinutesBuilder.Build(state, "UBND tỉnh", [])), @"\s+", " ");

        Assert.Contains("Kết quả lấy ý kiến bằng phiếu: Chủ trương sửa chữa trụ sở – Đồng ý chủ trương sửa chữa?", text, StringComparison.Ordinal);
        Assert.Contains("Đồng ý: 4; Không đồng ý: 0 (trên tổng số 5 thành viên)", text, StringComparison.Ordinal);
        Assert.Contains("lấy ý kiến thành viên bằng phiếu điện tử; 4/5", text, StringComparison.Ordinal);
        Assert.Contains("Thông qua (4/5 thành viên đồng ý)", text, StringComparison.Ordinal);
        Assert.Contains("Báo cáo tổng hợp ý kiến: Chủ trương sửa chữa trụ sở", text, StringComparison.Ordinal);
        Assert.Contains($"SHA-256:{new string('a', 64)}", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>A closed meeting of four members (one absent, one represented by a deputy), a secretary and a guest.</summary>
    private static MeetingState ClosedMeeting()
    {
        var at = new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
        Participant P(string user, MeetingRole role, InvitationAnswer? answer = null, string? deputyFor = null) =>
            new(user, $"Ông {user}", role, ClusterFixture.Org, "Chức vụ", answer, deputyFor);
        return new MeetingState
        {
            Exists = true, OrganizationId = ClusterFixture.Org, Status = MeetingStatus.Closed, OpenedAt = at, ClosedAt = at.AddHours(1),
            Details = new MeetingDetails("Phiên họp", "Phòng 1", at),
            Participants =
            [
                P("chair", MeetingRole.Chair), P("secretary", MeetingRole.Secretary), P("d1", MeetingRole.Delegate),
                P("d2", MeetingRole.Delegate, new InvitationAnswer(AnswerKind.Absent, "Ốm")),
                P("d3", MeetingRole.Delegate, new InvitationAnswer(AnswerKind.Deputy, "Đi công tác", "dep")),
                P("guest", MeetingRole.Guest), P("dep", MeetingRole.Guest, deputyFor: "d3"),
            ],
            Attendance = [.. new[] { "chair", "secretary", "d1", "guest", "dep" }.Select(u => new Presence(u, true, at, null, false))],
            Agenda = [new AgendaItem("i1", "Báo cáo", "", 10, ""), new AgendaItem("i2", "Các vấn đề phát sinh", "", 10, "", AddedDuringMeeting: true)],
        };
    }

    /// <summary>The minutes as pdftotext reads them.</summary>
    private static string MinutesText(MinutesModel minutes)
    {
        var path = Path.Combine(Testing.RepositoryPaths.NewTempFolder("minutes14"), "minutes.pdf");
        File.WriteAllBytes(path, MinutesPdfWriter.Write(minutes));
        return Testing.Tool.Run("pdftotext", "-layout", path, "-").Output;
    }
}
