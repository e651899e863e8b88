using Cabinet.Errors;
using Cabinet.Meetings;
using static Cabinet.Grains.Tests.DocumentSteps;

namespace Cabinet.Grains.Tests;

/// <summary>"Follow me": the chair or the current item's presenter leads, only the leader turns pages, live only.</summary>
public sealed class FollowTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    [Fact]
    public async Task The_chair_leads_only_the_leader_turns_pages_and_leader_or_chair_stops()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        Assert.Equal(ErrorCodes.NotLive.Code, (await meeting.StartFollowAsync(ClusterFixture.Chair, documentId, 1, 1)).Error!.Code);
        await meeting.OpenAsync(ClusterFixture.Chair);

        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.StartFollowAsync(ClusterFixture.Delegate1, documentId, 1, 1)).Error!.Code);
        Assert.Equal(ErrorCodes.PageOutOfRange.Code, (await meeting.StartFollowAsync(ClusterFixture.Chair, documentId, 1, 6)).Error!.Code);
        Assert.Equal(ErrorCodes.DocumentVersionNotFound.Code, (await meeting.StartFollowAsync(ClusterFixture.Chair, documentId, 2, 1)).Error!.Code);
        Assert.True((await meeting.StartFollowAsync(ClusterFixture.Chair, documentId, 1, 2)).Ok);
        Assert.Equal(ErrorCodes.FollowNotLeader.Code, (await meeting.FollowPageAsync(ClusterFixture.Secretary, 3)).Error!.Code);
        Assert.True((await meeting.FollowPageAsync(ClusterFixture.Chair, 5)).Ok);
        Assert.Equal(ErrorCodes.PageOutOfRange.Code, (await meeting.FollowPageAsync(ClusterFixture.Chair, 0)).Error!.Code);

        var follow = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate2)).Value!.Follow;
        Assert.Equal(("chair", documentId, 1, 5), (follow.Leader, follow.DocumentId, follow.Version, follow.Page));
        Assert.Equal(ErrorCodes.FollowNotLeader.Code, (await meeting.StopFollowAsync(ClusterFixture.Delegate1)).Error!.Code);
        Assert.True((await meeting.StopFollowAsync(ClusterFixture.Chair)).Ok);
        Assert.False((await meeting.GetSnapshotAsync(ClusterFixture.Delegate2)).Value!.Follow.Active);
        Assert.Equal(ErrorCodes.FollowNotActive.Code, (await meeting.FollowPageAsync(ClusterFixture.Chair, 2)).Error!.Code);
    }

    [Fact]
    public async Task The_current_items_presenter_leads_and_a_classified_document_is_never_shown()
    {
        var meeting = await cluster.NewMeetingAsync();
        Assert.True((await meeting.AddAgendaItemAsync(ClusterFixture.Chair, new AgendaItemInput("Báo cáo của đại biểu", ClusterFixture.Delegate1.DisplayName, 5, null))).Ok);
        var open = (await meeting.AddDocumentAsync(ClusterFixture.Secretary, Upload())).Value!.DocumentId;
        var secret = (await meeting.AddDocumentAsync(ClusterFixture.Secretary, Upload("Mật", classified: true, hash: 'e'))).Value!.DocumentId;
        await meeting.OpenAsync(ClusterFixture.Chair);

        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.StartFollowAsync(ClusterFixture.Delegate1, open, 1, 1)).Error!.Code);
        Assert.True((await meeting.MoveAsync(ClusterFixture.Chair, AgendaMove.To("i4"))).Ok);
        Assert.True((await meeting.StartFollowAsync(ClusterFixture.Delegate1, open, 1, 1)).Ok);
        Assert.True((await meeting.FollowPageAsync(ClusterFixture.Delegate1, 2)).Ok);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.StartFollowAsync(ClusterFixture.Delegate2, open, 1, 1)).Error!.Code);
        Assert.Equal(ErrorCodes.DocumentClassified.Code, (await meeting.StartFollowAsync(ClusterFixture.Chair, secret, 1, 1)).Error!.Code);
        Assert.True((await meeting.StopFollowAsync(ClusterFixture.Chair)).Ok);
    }

    [Fact]
    public async Task Closing_the_meeting_ends_the_lead()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        await meeting.OpenAsync(ClusterFixture.Chair);
        Assert.True((await meeting.StartFollowAsync(ClusterFixture.Chair, documentId, 1, 2)).Ok);
        Assert.True((await meeting.CloseAsync(ClusterFixture.Chair)).Ok);

        Assert.False((await meeting.GetSnapshotAsync(ClusterFixture.Delegate2)).Value!.Follow.Active);
        Assert.Equal(ErrorCodes.MeetingClosed.Code, (await meeting.FollowPageAsync(ClusterFixture.Chair, 3)).Error!.Code);
    }
}
