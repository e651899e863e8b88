using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Grains.Tests;

/// <summary>A fresh organisation with its own people (and one person elsewhere), so index tests see only their own meetings.</summary>
internal sealed record IndexPeople(string Org, Actor Chair, Actor Delegate, Actor Colleague, Actor Stranger, string StrangerOrg)
{
    public static async Task<IndexPeople> CreateAsync(IClusterClient client)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (org, elsewhere) = ($"o{tag}", $"x{tag}");
        var people = new IndexPeople(
            org, new($"c{tag}", "Chủ trì", org, false, IsOrganizer: true), new($"d{tag}", "Đại biểu", org, false),
            new($"k{tag}", "Đồng nghiệp", org, false), new($"s{tag}", "Người ở xã khác", elsewhere, false, IsOrganizer: true), elsewhere);
        foreach (var actor in new[] { people.Chair, people.Delegate, people.Colleague, people.Stranger })
        {
            var profile = new UserProfile(actor.UserName, actor.DisplayName, actor.OrganizationId, "Chức vụ", false, actor.IsOrganizer);
            await client.GetGrain<IUserGrain>(actor.UserName).RegisterAsync(new UserRegistration(profile, "mat-khau-du-dai"));
        }

        return people;
    }

    /// <summary>A meeting with the chair and the delegate, scheduled unless <paramref name="schedule"/> is false (a draft is the organisers' only).</summary>
    public async Task<IMeetingGrain> MeetingAsync(IClusterClient client, DateTimeOffset start, string title = "Họp", string? org = null, Actor? chair = null, bool schedule = true)
    {
        var id = MeetingKey.Of(org ?? Org, $"m-{Guid.NewGuid():N}"[..20]);
        var meeting = client.GetGrain<IMeetingGrain>(id);
        var setup = new MeetingSetup(
            new MeetingDetails(title, "Phòng 1", start),
            [new ParticipantInvite((chair ?? Chair).UserName, MeetingRole.Chair), new ParticipantInvite(Delegate.UserName, MeetingRole.Delegate)],
            [new AgendaItemInput("Nội dung 1", "A", 10, "")]);
        var created = await meeting.CreateAsync(chair ?? Chair, setup);
        Assert.True(created.Ok, created.Error?.Code);
        if (schedule)
        {
            Assert.True((await meeting.ScheduleAsync(chair ?? Chair)).Ok);
        }

        return meeting;
    }

    public static async Task<List<MeetingSummary>> ListAllAsync(IClusterClient client, Actor actor, int pageSize = MeetingPage.MaxSize)
    {
        var all = new List<MeetingSummary>();
        string? cursor = null;
        do
        {
            var page = await client.GetGrain<IMyMeetingsGrain>(0).GetPageAsync(actor, cursor, pageSize);
            Assert.True(page.Ok, page.Error?.Code);
            Assert.True(page.Value!.Items.Length <= pageSize);
            all.AddRange(page.Value.Items);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        return all;
    }
}
