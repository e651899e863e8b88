using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Voting.Motions;

namespace Cabinet.Grains.Tests;

/// <summary>Live meetings with voters whose devices are registered, ready for a poll.</summary>
internal static class PollSteps
{
    /// <summary>The cluster's meeting with chair, secretary and two delegates, open; the chair and the delegates can vote.</summary>
    public static async Task<(IMeetingGrain Meeting, string Id, List<TestVoter> Voters)> LiveMeetingWithVotersAsync(this ClusterFixture cluster)
    {
        var meeting = await cluster.NewMeetingAsync();
        var voters = new List<TestVoter>();
        foreach (var actor in new[] { ClusterFixture.Chair, ClusterFixture.Delegate1, ClusterFixture.Delegate2 })
        {
            await meeting.ConnectAsync(actor, $"tab-{actor.UserName}", ClusterFixture.Host);
            voters.Add(await TestVoter.RegisterAsync(cluster.Client, actor));
        }

        await meeting.OpenAsync(ClusterFixture.Chair);
        return (meeting, meeting.GetPrimaryKeyString(), voters);
    }

    /// <summary>A new open meeting of <paramref name="count"/> delegates of its own, all present, with poll "p1" open.</summary>
    public static async Task<(IMeetingGrain Meeting, string Id, List<TestVoter> Voters)> CrowdWithOpenPollAsync(this ClusterFixture cluster, string name, int count, Secrecy secrecy)
    {
        var grains = cluster.Client;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var actors = Enumerable.Range(1, count).Select(i => new Actor($"{name}{suffix}.{i}", $"Đại biểu {i}", ClusterFixture.Org, false)).ToList();
        foreach (var a in actors)
        {
            // Set-up, one at a time: password hashing is deliberately slow and would starve the burst's storage calls.
            await grains.GetGrain<IUserGrain>(a.UserName).RegisterAsync(
                new UserRegistration(new UserProfile(a.UserName, a.DisplayName, a.OrganizationId, "Thành viên", false), "mat-khau-du-dai"));
        }

        var id = MeetingKey.Of(ClusterFixture.Org, $"{name}-{suffix}");
        var meeting = grains.GetGrain<IMeetingGrain>(id);
        var setup = new MeetingSetup(new MeetingDetails("Biểu quyết đông người", "Hội trường", DateTimeOffset.UtcNow),
            [new(ClusterFixture.Chair.UserName, MeetingRole.Chair), .. actors.Select(a => new ParticipantInvite(a.UserName, MeetingRole.Delegate))],
            [new AgendaItemInput("Nội dung", null, 10, null)]);
        Assert.True((await meeting.CreateAsync(ClusterFixture.Chair, setup)).Ok);
        await meeting.ScheduleAsync(ClusterFixture.Chair);
        foreach (var actor in actors.Prepend(ClusterFixture.Chair))
        {
            await meeting.ConnectAsync(actor, $"c-{actor.UserName}", ClusterFixture.Host);
        }

        await meeting.OpenAsync(ClusterFixture.Chair);
        Assert.True((await meeting.OpenPollAsync(ClusterFixture.Chair, new MotionInput("i1", "Thông qua", Secrecy: secrecy))).Ok);
        var voters = new List<TestVoter>();
        foreach (var a in actors)
        {
            voters.Add(await TestVoter.RegisterAsync(grains, a));
        }

        return (meeting, id, voters);
    }
}
