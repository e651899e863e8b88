using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Grains.Tests;

/// <summary>Large meetings are built in batches: each batch adds people (or changes roles) and keeps everyone else.</summary>
public sealed class ParticipantBatchTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    private const int People = 60;

    [Fact]
    public async Task Batches_add_people_keep_the_others_and_the_events_rebuild_the_same_snapshot()
    {
        var names = await RegisterAsync("batch");
        var meeting = await cluster.NewMeetingAsync(schedule: false);
        var first = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;

        foreach (var batch in names.Chunk(25))
        {
            var added = await meeting.AddParticipantsAsync(ClusterFixture.Secretary, [.. batch.Select(n => new ParticipantInvite(n, MeetingRole.Delegate))]);
            Assert.True(added.Ok, added.Error?.Code);
        }

        var promoted = await meeting.AddParticipantsAsync(ClusterFixture.Chair, [new ParticipantInvite(names[0], MeetingRole.Observer)]);
        Assert.True(promoted.Ok, promoted.Error?.Code);

        var final = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        Assert.Equal(4 + People, final.Participants.Length);
        Assert.Equal(4 + People, final.Attendance.Length);
        Assert.Equal(MeetingRole.Observer, final.RoleOf(names[0]));
        Assert.Equal(MeetingRole.Delegate, final.RoleOf(names[^1]));
        Assert.Equal(MeetingRole.Chair, final.RoleOf(ClusterFixture.Chair.UserName));
        var catchUp = (await meeting.GetEventsSinceAsync(ClusterFixture.Chair, first.Version)).Value!;
        var rebuilt = catchUp.Events.Aggregate(first, (s, e) => s.Apply(e));
        Assert.Equal(final, rebuilt, SnapshotComparer.Instance);
        Assert.All(catchUp.Events, e => Assert.Null(e.Participants)); // a batch carries the batch, never the whole list
    }

    [Fact]
    public async Task A_closed_poll_of_a_big_meeting_reaches_the_room_without_its_voter_list()
    {
        var names = await RegisterAsync("poll");
        var meeting = await cluster.NewMeetingAsync();
        foreach (var batch in names.Chunk(25))
        {
            Assert.True((await meeting.AddParticipantsAsync(ClusterFixture.Chair, [.. batch.Select(n => new ParticipantInvite(n, MeetingRole.Delegate))])).Ok);
        }

        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        var before = await meeting.GetVersionAsync();
        Assert.True((await meeting.OpenPollAsync(ClusterFixture.Chair, new Polls.MotionInput("i1", "Thông qua",
            Eligibility: Voting.Voters.EligibilityPolicy.AllMembers, ConfirmWithoutQuorum: true))).Ok);
        var pollId = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.OpenPoll!.PollId;
        Assert.True((await meeting.ClosePollAsync(ClusterFixture.Chair, pollId)).Ok);

        var closed = (await meeting.GetEventsSinceAsync(ClusterFixture.Chair, before)).Value!.Events.Single(e => e.Kind == MeetingEventKinds.PollClosed);
        var pushed = System.Text.Json.JsonSerializer.Serialize(closed);
        var signed = (await meeting.GetPollResultAsync(new Actor(names[^1], names[^1], ClusterFixture.Org, false), pollId)).Value!;
        Assert.DoesNotContain(names[^1], pushed, StringComparison.Ordinal);            // no voter list in the event…
        Assert.Contains(names[^1], signed.DocumentJson, StringComparison.Ordinal);     // …it is in the signed document,
        Assert.Equal(signed.Summary().DocumentSha256, closed.PollUpdate!.Result!.DocumentSha256); // which the event pins
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetPollResultAsync(ClusterFixture.Colleague, pollId)).Error!.Code);
    }

    [Fact]
    public async Task A_bad_batch_is_refused_whole_and_changes_nothing()
    {
        var names = await RegisterAsync("refused");
        var meeting = await cluster.NewMeetingAsync(schedule: false);
        var before = await meeting.GetVersionAsync();
        ImmutableArray<ParticipantInvite> tooMany = [.. Enumerable.Range(0, ParticipantBatch.MaxSize + 1).Select(i => new ParticipantInvite($"x{i}", MeetingRole.Delegate))];

        Assert.Equal(ErrorCodes.InvalidInput.Code, (await meeting.AddParticipantsAsync(ClusterFixture.Chair, tooMany)).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidInput.Code, (await meeting.AddParticipantsAsync(ClusterFixture.Chair, [])).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidInput.Code, (await meeting.AddParticipantsAsync(ClusterFixture.Chair,
            [new ParticipantInvite(names[0], MeetingRole.Delegate), new ParticipantInvite(names[0], MeetingRole.Observer)])).Error!.Code);
        Assert.Equal(ErrorCodes.UnknownUser.Code, (await meeting.AddParticipantsAsync(ClusterFixture.Chair,
            [new ParticipantInvite(names[1], MeetingRole.Delegate), new ParticipantInvite("khong.ton.tai", MeetingRole.Delegate)])).Error!.Code);
        Assert.Equal(ErrorCodes.NoChair.Code, (await meeting.AddParticipantsAsync(ClusterFixture.Chair, [new ParticipantInvite(names[2], MeetingRole.Chair)])).Error!.Code);
        Assert.Equal(ErrorCodes.NoChair.Code, (await meeting.AddParticipantsAsync(ClusterFixture.Chair,
            [new ParticipantInvite(ClusterFixture.Chair.UserName, MeetingRole.Delegate)])).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.AddParticipantsAsync(ClusterFixture.Delegate1, [new ParticipantInvite(names[3], MeetingRole.Delegate)])).Error!.Code);

        Assert.Equal(before, await meeting.GetVersionAsync());
        Assert.Equal(MeetingRole.None, (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.RoleOf(names[1]));
    }

    private async Task<string[]> RegisterAsync(string prefix)
    {
        var names = Enumerable.Range(1, People).Select(i => $"{prefix}.{Guid.NewGuid().ToString("N")[..6]}.{i}").ToArray();
        await Task.WhenAll(names.Select(n => cluster.Client.GetGrain<IUserGrain>(n)
            .RegisterAsync(new UserRegistration(new UserProfile(n, $"Đại biểu {n}", ClusterFixture.Org, "Thành viên", false), "mat-khau-du-dai"))));
        return names;
    }
}
