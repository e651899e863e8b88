using Cabinet.Errors;
using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>Every command checks the actor's role in the grain itself, whatever the UI shows.</summary>
public sealed class MeetingAccessTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    [Fact]
    public async Task Only_the_chair_opens_moves_and_closes()
    {
        var meeting = await cluster.NewMeetingAsync();
        foreach (var actor in new[] { ClusterFixture.Secretary, ClusterFixture.Delegate1, ClusterFixture.Colleague, ClusterFixture.Outsider })
        {
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.OpenAsync(actor)).Error!.Code);
        }

        await meeting.OpenAsync(ClusterFixture.Chair);
        var version = await meeting.GetVersionAsync();
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.MoveAsync(ClusterFixture.Delegate1, AgendaMove.Next)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.CloseAsync(ClusterFixture.Secretary)).Error!.Code);
        Assert.Equal(version, await meeting.GetVersionAsync());
    }

    [Fact]
    public async Task Chair_and_secretary_prepare_the_agenda_delegates_do_not()
    {
        var meeting = await cluster.NewMeetingAsync();
        var item = new AgendaItemInput("Bổ sung", "Thư ký", 5, null);

        Assert.True((await meeting.AddAgendaItemAsync(ClusterFixture.Secretary, item)).Ok);
        Assert.True((await meeting.ReorderAgendaAsync(ClusterFixture.Chair, ["i4", "i1", "i2", "i3"])).Ok);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.AddAgendaItemAsync(ClusterFixture.Delegate1, item)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.RemoveAgendaItemAsync(ClusterFixture.Colleague, "i1")).Error!.Code);

        var agenda = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Agenda;
        Assert.Equal(["i4", "i1", "i2", "i3"], agenda.Select(i => i.Id));
    }

    [Fact]
    public async Task Uninvited_members_and_outsiders_see_nothing_until_the_chair_grants_observer_access()
    {
        var meeting = await cluster.NewMeetingAsync();

        foreach (var actor in new[] { ClusterFixture.Colleague, ClusterFixture.Outsider })
        {
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetSnapshotAsync(actor)).Error!.Code);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetEventsSinceAsync(actor, 0)).Error!.Code);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetLedgerAsync(actor)).Error!.Code);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.ConnectAsync(actor, "x", ClusterFixture.Host)).Error!.Code);
        }

        Assert.True((await meeting.AddParticipantsAsync(ClusterFixture.Chair, [new(ClusterFixture.Colleague.UserName, MeetingRole.Observer)])).Ok);

        var colleague = await meeting.GetSnapshotAsync(ClusterFixture.Colleague);
        Assert.True(colleague.Ok);
        Assert.Equal(MeetingRole.Observer, (await meeting.GetSummaryAsync(ClusterFixture.Colleague)).Value!.MyRole);
    }

    [Theory]
    [InlineData("", 10, "input.invalid")]
    [InlineData("   ", 10, "input.invalid")]
    [InlineData("ok", -1, "input.invalid")]
    [InlineData("ok", 601, "input.invalid")]
    public async Task Bad_agenda_items_are_refused_with_a_clear_code(string title, int minutes, string code)
    {
        var meeting = await cluster.NewMeetingAsync();
        var version = await meeting.GetVersionAsync();

        var result = await meeting.AddAgendaItemAsync(ClusterFixture.Chair, new AgendaItemInput(title, null, minutes, null));

        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(version, await meeting.GetVersionAsync());
    }

    [Fact]
    public async Task Oversized_text_and_a_wrong_reorder_are_refused()
    {
        var meeting = await cluster.NewMeetingAsync();
        var version = await meeting.GetVersionAsync();

        var tooLong = await meeting.AddAgendaItemAsync(ClusterFixture.Chair, new AgendaItemInput(new string('x', 301), null, 5, null));
        var hugeDescription = await meeting.AddAgendaItemAsync(ClusterFixture.Chair, new AgendaItemInput("ok", null, 5, new string('x', 4001)));
        var duplicate = await meeting.ReorderAgendaAsync(ClusterFixture.Chair, ["i1", "i1", "i2"]);
        var missing = await meeting.ReorderAgendaAsync(ClusterFixture.Chair, ["i1", "i2"]);

        Assert.Equal(ErrorCodes.InvalidInput.Code, tooLong.Error!.Code);
        Assert.Equal(ErrorCodes.InvalidInput.Code, hugeDescription.Error!.Code);
        Assert.Equal(ErrorCodes.AgendaOrderMismatch.Code, duplicate.Error!.Code);
        Assert.Equal(ErrorCodes.AgendaOrderMismatch.Code, missing.Error!.Code);
        Assert.Equal(version, await meeting.GetVersionAsync());
    }

    [Fact]
    public async Task Items_are_not_removed_once_the_meeting_is_live()
    {
        var meeting = await cluster.NewMeetingAsync();
        await meeting.OpenAsync(ClusterFixture.Chair);

        var result = await meeting.RemoveAgendaItemAsync(ClusterFixture.Chair, "i2");

        Assert.Equal(ErrorCodes.AlreadyLive.Code, result.Error!.Code);
    }

    [Fact]
    public async Task Creating_needs_a_single_chair_known_users_and_an_organiser_of_the_organisation()
    {
        var details = new MeetingDetails("Họp", "P1", DateTimeOffset.UtcNow);
        var id = MeetingKey.Of(ClusterFixture.Org, $"c-{Guid.NewGuid():N}"[..20]);
        var meeting = cluster.Client.GetGrain<IMeetingGrain>(id);

        var noChair = await meeting.CreateAsync(ClusterFixture.Secretary, new MeetingSetup(details, [new("secretary", MeetingRole.Secretary)], []));
        var unknown = await meeting.CreateAsync(ClusterFixture.Chair, new MeetingSetup(details, [new("chair", MeetingRole.Chair), new("nobody", MeetingRole.Delegate)], []));
        var byDelegate = await meeting.CreateAsync(ClusterFixture.Delegate1, new MeetingSetup(details, [new("chair", MeetingRole.Chair), new("delegate1", MeetingRole.Delegate)], []));

        Assert.Equal(ErrorCodes.NoChair.Code, noChair.Error!.Code);
        Assert.Equal(ErrorCodes.UnknownUser.Code, unknown.Error!.Code);
        var bySecretaryNotOrganizer = await meeting.CreateAsync(ClusterFixture.Secretary with { IsOrganizer = false },
            new MeetingSetup(details, [new("chair", MeetingRole.Chair), new("secretary", MeetingRole.Secretary)], []));

        Assert.Equal(ErrorCodes.Forbidden.Code, byDelegate.Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, bySecretaryNotOrganizer.Error!.Code);
        Assert.Equal(ErrorCodes.MeetingNotFound.Code, (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Error!.Code);
    }
}
