using Cabinet.Meetings;
using Orleans.Runtime;

namespace Cabinet.Grains.Tests;

/// <summary>The meeting indexes follow every change a line in "my meetings" shows, and pages are read from them alone.</summary>
public sealed class MeetingIndexTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    private static readonly DateTimeOffset March2031 = new(2031, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private IClusterClient Client => cluster.Client;

    [Fact]
    public async Task The_listing_follows_creation_details_time_agenda_and_status_and_moves_between_shards()
    {
        var people = await IndexPeople.CreateAsync(Client);
        var meeting = await people.MeetingAsync(Client, March2031, "Ban đầu", schedule: false);
        var id = meeting.GetPrimaryKeyString();
        Assert.Equal("Ban đầu", (await OrgShardAsync(people.Org, "2031-03")).Single(l => l.MeetingId == id).Details.Title);
        Assert.Contains(await PersonShardAsync(people.Delegate.UserName, "2031"), i => i.MeetingId == id && i.Role == MeetingRole.Delegate);

        var may = new MeetingDetails("Đổi tháng", "Phòng 2", new DateTimeOffset(2031, 5, 2, 2, 0, 0, TimeSpan.Zero));
        Assert.True((await meeting.UpdateDetailsAsync(people.Chair, may)).Ok);
        Assert.DoesNotContain(await OrgShardAsync(people.Org, "2031-03"), l => l.MeetingId == id);
        Assert.Equal(may, (await OrgShardAsync(people.Org, "2031-05")).Single(l => l.MeetingId == id).Details);
        Assert.Equal("2031-05", (await PersonShardAsync(people.Delegate.UserName, "2031")).Single(i => i.MeetingId == id).Month);

        var nextYear = may with { ScheduledStart = new DateTimeOffset(2032, 1, 20, 2, 0, 0, TimeSpan.Zero) };
        Assert.True((await meeting.UpdateDetailsAsync(people.Chair, nextYear)).Ok);
        Assert.DoesNotContain(await OrgShardAsync(people.Org, "2031-05"), l => l.MeetingId == id);
        Assert.DoesNotContain(await PersonShardAsync(people.Delegate.UserName, "2031"), i => i.MeetingId == id);
        Assert.Contains(await PersonShardAsync(people.Delegate.UserName, "2032"), i => i.MeetingId == id && i.Month == "2032-01");

        Assert.True((await meeting.AddAgendaItemAsync(people.Chair, new AgendaItemInput("Thêm", "B", 5, ""))).Ok);
        Assert.True((await meeting.ScheduleAsync(people.Chair)).Ok);
        Assert.True((await meeting.OpenAsync(people.Chair)).Ok);
        var line = (await IndexPeople.ListAllAsync(Client, people.Delegate)).Single(s => s.MeetingId == id);
        Assert.Equal((MeetingStatus.Live, 2, "Đổi tháng", MeetingRole.Delegate), (line.Status, line.AgendaCount, line.Details.Title, line.MyRole));

        Assert.True((await meeting.CloseAsync(people.Chair)).Ok);
        Assert.Equal(MeetingStatus.Closed, (await OrgShardAsync(people.Org, "2032-01")).Single(l => l.MeetingId == id).Status);
    }

    [Fact]
    public async Task Invited_people_get_the_meeting_and_removed_people_lose_it()
    {
        var people = await IndexPeople.CreateAsync(Client);
        var meeting = await people.MeetingAsync(Client, March2031);
        var id = meeting.GetPrimaryKeyString();
        Assert.DoesNotContain(await IndexPeople.ListAllAsync(Client, people.Stranger), s => s.MeetingId == id);

        Assert.True((await meeting.AddParticipantsAsync(people.Chair, [new ParticipantInvite(people.Stranger.UserName, MeetingRole.Secretary)])).Ok);
        Assert.Equal(MeetingRole.Secretary, (await IndexPeople.ListAllAsync(Client, people.Stranger)).Single(s => s.MeetingId == id).MyRole);

        // The delegate is dropped and the colleague invited: the delegate no longer sees it (not even as a member of the organisation).
        Assert.True((await meeting.SetParticipantsAsync(people.Chair,
        [
            new ParticipantInvite(people.Chair.UserName, MeetingRole.Chair), new ParticipantInvite(people.Colleague.UserName, MeetingRole.Delegate),
        ])).Ok);
        Assert.DoesNotContain(await PersonShardAsync(people.Delegate.UserName, "2031"), i => i.MeetingId == id);
        Assert.DoesNotContain(await PersonShardAsync(people.Stranger.UserName, "2031"), i => i.MeetingId == id);
        Assert.DoesNotContain(await IndexPeople.ListAllAsync(Client, people.Delegate), s => s.MeetingId == id);
        Assert.Equal(MeetingRole.Delegate, (await IndexPeople.ListAllAsync(Client, people.Colleague)).Single(s => s.MeetingId == id).MyRole);
        Assert.DoesNotContain(await IndexPeople.ListAllAsync(Client, people.Stranger), s => s.MeetingId == id);
    }

    [Fact]
    public async Task A_person_sees_only_meetings_they_are_invited_to_and_another_organisations_as_an_invitation_until_they_accept()
    {
        var people = await IndexPeople.CreateAsync(Client);
        var own = (await people.MeetingAsync(Client, March2031)).GetPrimaryKeyString();
        var strangerChair = people.Stranger;
        var invitedElsewhere = await people.MeetingAsync(Client, March2031, org: people.StrangerOrg, chair: strangerChair);
        var notInvitedElsewhere = await people.MeetingAsync(Client, March2031, org: people.StrangerOrg, chair: strangerChair);
        Assert.True((await notInvitedElsewhere.SetParticipantsAsync(strangerChair, [new ParticipantInvite(strangerChair.UserName, MeetingRole.Chair)])).Ok);

        Assert.Empty(await IndexPeople.ListAllAsync(Client, people.Colleague));
        var draft = (await people.MeetingAsync(Client, March2031, schedule: false)).GetPrimaryKeyString();

        var delegateSees = (await IndexPeople.ListAllAsync(Client, people.Delegate)).ToDictionary(s => s.MeetingId, s => (s.MyRole, s.TakesPart));
        Assert.Equal((MeetingRole.Delegate, true), delegateSees[own]);
        Assert.Equal((MeetingRole.Delegate, false), delegateSees[invitedElsewhere.GetPrimaryKeyString()]);
        Assert.False(delegateSees.ContainsKey(notInvitedElsewhere.GetPrimaryKeyString()));
        Assert.False(delegateSees.ContainsKey(draft));
        Assert.Equal(2, delegateSees.Count);
        Assert.Contains(await IndexPeople.ListAllAsync(Client, people.Chair), s => s.MeetingId == draft && s.MyRole == MeetingRole.Chair);

        Assert.True((await invitedElsewhere.AnswerInvitationAsync(people.Delegate, new InvitationAnswerInput(AnswerKind.Attending))).Ok);
        var accepted = (await IndexPeople.ListAllAsync(Client, people.Delegate)).Single(s => s.MeetingId == invitedElsewhere.GetPrimaryKeyString());
        Assert.Equal((true, AnswerKind.Attending), (accepted.TakesPart, accepted.MyAnswer));
    }

    [Fact]
    public async Task Listing_activates_no_meeting_grain()
    {
        var people = await IndexPeople.CreateAsync(Client);
        for (var i = 0; i < 5; i++)
        {
            await people.MeetingAsync(Client, March2031.AddDays(-40 * i));
        }

        var management = Client.GetGrain<IManagementGrain>(0);
        Assert.Equal(5, await ActiveMeetingsAsync(management, people.Org));
        // Scheduling wakes each meeting once more a second later (its invitation reminder): once the five invitations
        // are out, nothing else wakes them, so what the listing activates is all that can be active afterwards.
        await InvitationsDeliveredAsync(people.Delegate, 5);
        for (var attempt = 0; attempt < 50 && await ActiveMeetingsAsync(management, people.Org) > 0; attempt++)
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
        }

        Assert.Equal(0, await ActiveMeetingsAsync(management, people.Org));

        Assert.Equal(5, (await IndexPeople.ListAllAsync(Client, people.Delegate, pageSize: 2)).Count);
        Assert.Equal(0, await ActiveMeetingsAsync(management, people.Org));
    }

    [Fact]
    public async Task Pages_return_every_meeting_once_upcoming_soonest_first_then_past_newest_first()
    {
        var people = await IndexPeople.CreateAsync(Client);
        var now = DateTimeOffset.UtcNow;
        var starts = Enumerable.Range(0, 23).Select(i => now.AddDays((i - 15) * 17).AddMinutes(i)).ToList();
        var elsewhere = await people.MeetingAsync(Client, now.AddDays(3), org: people.StrangerOrg, chair: people.Stranger);
        starts.Add(now.AddDays(3));
        var ids = new List<string> { elsewhere.GetPrimaryKeyString() };
        foreach (var start in starts.SkipLast(1))
        {
            ids.Add((await people.MeetingAsync(Client, start)).GetPrimaryKeyString());
        }

        var listed = await IndexPeople.ListAllAsync(Client, people.Delegate, pageSize: 4);

        Assert.Equal(ids.Order(), listed.Select(s => s.MeetingId).Order());
        var boundary = now - MyMeetingsGrain.RunningWindow;
        var upcoming = listed.TakeWhile(s => s.Details.ScheduledStart >= boundary).Select(s => s.Details.ScheduledStart).ToList();
        var past = listed.Skip(upcoming.Count).Select(s => s.Details.ScheduledStart).ToList();
        Assert.Equal(upcoming.Order(), upcoming);
        Assert.Equal(past.OrderDescending(), past);
        Assert.All(past, start => Assert.True(start < boundary));
        Assert.Equal(9, upcoming.Count);
    }

    [Fact]
    public async Task A_lost_push_is_repaired_and_a_bad_cursor_is_refused()
    {
        var people = await IndexPeople.CreateAsync(Client);
        var meeting = await people.MeetingAsync(Client, March2031);
        var id = meeting.GetPrimaryKeyString();
        await Client.GetGrain<IOrganizationMeetingsGrain>(MeetingIndexKeys.OrganizationShard(people.Org, "2031-03")).RemoveAsync(id, long.MaxValue);
        await Client.GetGrain<IPersonMeetingsGrain>(MeetingIndexKeys.PersonShard(people.Delegate.UserName, "2031")).RemoveAsync(id, long.MaxValue);
        Assert.DoesNotContain(await IndexPeople.ListAllAsync(Client, people.Delegate), s => s.MeetingId == id);

        await meeting.RepairIndexAsync();

        Assert.Equal(MeetingRole.Delegate, (await IndexPeople.ListAllAsync(Client, people.Delegate)).Single(s => s.MeetingId == id).MyRole);
        var refused = await Client.GetGrain<IMyMeetingsGrain>(0).GetPageAsync(people.Delegate, "not-a-cursor", 10);
        Assert.Equal(Errors.ErrorCodes.InvalidInput.Code, refused.Error!.Code);
    }

    private Task<System.Collections.Immutable.ImmutableArray<MeetingListing>> OrgShardAsync(string org, string month) =>
        Client.GetGrain<IOrganizationMeetingsGrain>(MeetingIndexKeys.OrganizationShard(org, month)).GetAsync();

    private Task<System.Collections.Immutable.ImmutableArray<Invitation>> PersonShardAsync(string userName, string year) =>
        Client.GetGrain<IPersonMeetingsGrain>(MeetingIndexKeys.PersonShard(userName, year)).GetAsync();

    private async Task InvitationsDeliveredAsync(Cabinet.People.Actor person, int count)
    {
        var box = Client.GetGrain<Cabinet.Notices.INoticeBoxGrain>(person.UserName);
        var delivered = 0;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            delivered = (await box.ListAsync(0, Cabinet.Notices.NoticePage.MaxSize)).Items.Count(n => n.Notice.Kind == Cabinet.Notices.NoticeKinds.MeetingInvitation);
            if (delivered >= count)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(count, delivered);
    }

    private static async Task<int> ActiveMeetingsAsync(IManagementGrain management, string org) =>
        (await management.GetActiveGrains(GrainType.Create("meeting"))).Count(g => g.Key.ToString()!.StartsWith(org + "/", StringComparison.Ordinal));
}
