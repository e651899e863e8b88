using System.Collections.Immutable;
using System.Text.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Grains.Tests;

/// <summary>
/// The hub's snapshot carries the reader's own entries and the quorum, whatever the meeting's size; the room list comes
/// in pages by user name; every event that changes who is counted or present carries the quorum after it.
/// </summary>
public sealed class RosterTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    private const int People = 150;

    [Fact]
    public async Task A_personal_snapshot_holds_only_the_readers_entries_and_the_quorum_and_does_not_grow_with_the_meeting()
    {
        var meeting = await cluster.NewMeetingAsync();
        var small = Json((await meeting.GetPersonalSnapshotAsync(ClusterFixture.Delegate1)).Value!);
        await AddAsync(meeting, await RegisterAsync("size"));

        var whole = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        var personal = (await meeting.GetPersonalSnapshotAsync(ClusterFixture.Delegate1)).Value!;

        Assert.Equal(4 + People, whole.Participants.Length);
        Assert.True(personal.RosterPaged);
        Assert.False(whole.RosterPaged);
        Assert.Equal([ClusterFixture.Delegate1.UserName], personal.Participants.Select(p => p.UserName));
        Assert.Equal([ClusterFixture.Delegate1.UserName], personal.Attendance.Select(a => a.UserName));
        Assert.Equal(MeetingRole.Delegate, personal.RoleOf(ClusterFixture.Delegate1.UserName));
        Assert.Equal(MeetingQuorum.Of(whole.Participants, whole.Attendance, whole.Rules), personal.Quorum);
        Assert.Equal(3 + People, personal.Quorum.MembersTotal); // the chair and the delegates
        // The same few kilobytes for 4 people and for 154 (only the version's and the counts' digits differ).
        Assert.InRange(Json(personal).Length - small.Length, -16, 16);
        Assert.True(Json(whole).Length > 10 * small.Length);
    }

    [Fact]
    public async Task The_room_list_pages_every_participant_once_in_name_order_within_the_byte_budget()
    {
        var meeting = await cluster.NewMeetingAsync();
        await AddAsync(meeting, await RegisterAsync("page"));
        Assert.True((await meeting.ConnectAsync(ClusterFixture.Delegate1, "c1", ClusterFixture.Host)).Ok);
        var whole = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        string[] expected = [.. whole.Participants.Select(p => p.UserName).Order(StringComparer.Ordinal)];

        var (big, bigPages) = await ReadAllAsync(meeting, ClusterFixture.Delegate2, RosterPage.MaxItems);
        var (small, smallPages) = await ReadAllAsync(meeting, ClusterFixture.Delegate2, 7);

        Assert.Equal(expected, big.Select(e => e.Participant.UserName));
        Assert.Equal(expected, small.Select(e => e.Participant.UserName));
        Assert.True(bigPages.Count >= 2, "a page is cut by its size before its count");
        Assert.All(bigPages, p => Assert.InRange(JsonSerializer.SerializeToUtf8Bytes(p.Items).Length, 1, RosterPage.MaxBytes));
        Assert.Equal(Pages(whole.Participants.Length, 7), smallPages.Count);
        Assert.All(bigPages.Concat(smallPages), p => Assert.Equal((whole.Version, whole.Participants.Length), (p.Version, p.Total)));
        Assert.Equal(whole.Participants.ToHashSet(), big.Select(e => e.Participant).ToHashSet());
        Assert.True(big.Single(e => e.Participant.UserName == ClusterFixture.Delegate1.UserName).Presence!.Connected);
        Assert.All(big, e => Assert.Equal(whole.Attendance.Single(a => a.UserName == e.Participant.UserName), e.Presence));
    }

    [Fact]
    public async Task People_invited_while_a_client_pages_neither_repeat_nor_shift_the_rest()
    {
        var meeting = await cluster.NewMeetingAsync();
        var names = await RegisterAsync("mid");
        await AddAsync(meeting, names[..100]);
        var first = (await meeting.ListParticipantsAsync(ClusterFixture.Chair, null, 50)).Value!;

        await AddAsync(meeting, names[100..]); // some sort before the cursor, some after
        var rest = await ReadAllAsync(meeting, ClusterFixture.Chair, 50, first.NextAfter);
        string[] seen = [.. first.Items.Concat(rest.Items).Select(e => e.Participant.UserName)];

        Assert.Equal(seen.Length, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        var whole = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        var missed = whole.Participants.Select(p => p.UserName).Except(seen).ToArray();
        Assert.All(missed, m => Assert.True(string.CompareOrdinal(m, first.NextAfter) < 0, $"{m} sorts after the cursor and was missed"));
    }

    [Fact]
    public async Task A_bad_page_request_is_an_answer_and_outsiders_are_refused()
    {
        var meeting = await cluster.NewMeetingAsync();

        Assert.Single((await meeting.ListParticipantsAsync(ClusterFixture.Chair, null, 0)).Value!.Items);
        Assert.Equal(4, (await meeting.ListParticipantsAsync(ClusterFixture.Chair, null, int.MaxValue)).Value!.Items.Length);
        Assert.Empty((await meeting.ListParticipantsAsync(ClusterFixture.Chair, new string('z', 5000), 10)).Value!.Items);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.ListParticipantsAsync(ClusterFixture.Outsider, null, 10)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetPersonalSnapshotAsync(ClusterFixture.Outsider)).Error!.Code);
        var unknown = cluster.Client.GetGrain<IMeetingGrain>(MeetingKey.Of(ClusterFixture.Org, "khong-co-cuoc-hop"));
        Assert.Equal(ErrorCodes.MeetingNotFound.Code, (await unknown.ListParticipantsAsync(ClusterFixture.Chair, null, 10)).Error!.Code);
    }

    [Fact]
    public async Task Every_event_that_changes_presence_or_participants_carries_the_quorum_a_personal_snapshot_keeps()
    {
        var meeting = await cluster.NewMeetingAsync();
        var start = (await meeting.GetPersonalSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        Assert.True((await meeting.ConnectAsync(ClusterFixture.Chair, "c-chair", ClusterFixture.Host)).Ok);
        Assert.True((await meeting.ConnectAsync(ClusterFixture.Delegate2, "c-d2", ClusterFixture.Host)).Ok);
        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        await AddAsync(meeting, (await RegisterAsync("quorum"))[..10]);
        Assert.True((await meeting.DisconnectAsync(ClusterFixture.Delegate2, "c-d2")).Ok);

        var events = (await meeting.GetPersonalEventsSinceAsync(ClusterFixture.Delegate1, start.Version)).Value!.Events;
        var applied = events.Aggregate(start, (s, e) => s.Apply(e));
        var whole = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;

        Assert.All(events, e => Assert.Equal(e.ChangesRoster, e.Quorum is not null));
        Assert.Contains(events, e => e.Quorum is not null && e.AttendanceUpdate is not null);
        Assert.Contains(events, e => e.Quorum is not null && e.ParticipantUpdates is not null);
        Assert.Equal(MeetingQuorum.Of(whole.Participants, whole.Attendance, whole.Rules), applied.Quorum);
        Assert.Equal((13, 1), (applied.Quorum.MembersTotal, applied.Quorum.MembersPresent)); // the chair and 12 delegates; only the chair is in
    }

    private static int Pages(int items, int size) => (items + size - 1) / size;

    private static string Json(MeetingSnapshot snapshot) => JsonSerializer.Serialize(snapshot with { ServerTime = null });

    private static async Task<(List<RosterEntry> Items, List<RosterPage> Pages)> ReadAllAsync(IMeetingGrain meeting, Actor reader, int count, string? after = null)
    {
        var (items, pages) = (new List<RosterEntry>(), new List<RosterPage>());
        do
        {
            var page = (await meeting.ListParticipantsAsync(reader, after, count)).Value!;
            pages.Add(page);
            items.AddRange(page.Items);
            after = page.NextAfter;
        }
        while (after is not null);

        return (items, pages);
    }

    private static async Task AddAsync(IMeetingGrain meeting, string[] names)
    {
        foreach (var batch in names.Chunk(50))
        {
            var added = await meeting.AddParticipantsAsync(ClusterFixture.Secretary, [.. batch.Select(n => new ParticipantInvite(n, MeetingRole.Delegate))]);
            Assert.True(added.Ok, added.Error?.Code);
        }
    }

    private async Task<string[]> RegisterAsync(string prefix)
    {
        var names = Enumerable.Range(1, People).Select(i => $"{prefix}.{Guid.NewGuid().ToString("N")[..6]}.{i}").ToArray();
        await Task.WhenAll(names.Select(n => cluster.Client.GetGrain<IUserGrain>(n)
            .RegisterAsync(new UserRegistration(new UserProfile(n, $"Đại biểu {n}", ClusterFixture.Org, "Thành viên", false), "mat-khau-du-dai"))));
        return names;
    }
}
