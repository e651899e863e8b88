using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>Publishing an approved conclusion to the organisation: who may, what must come first, and what the list keeps.</summary>
public abstract class ConclusionPublishingTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    [Fact]
    public async Task Only_an_approved_conclusion_is_published_by_the_chair_or_secretary_and_a_new_approval_replaces_it()
    {
        var meeting = await cluster.NewMeetingAsync();
        Assert.Equal(ErrorCodes.NotLive.Code, (await meeting.PublishConclusionAsync(ClusterFixture.Secretary, "i1")).Error!.Code);
        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        Assert.True((await meeting.DraftConclusionAsync(ClusterFixture.Secretary, "i1", ["Thống nhất thông qua báo cáo."])).Ok);
        Assert.Equal(ErrorCodes.ConclusionNotApproved.Code, (await meeting.PublishConclusionAsync(ClusterFixture.Secretary, "i1")).Error!.Code);
        Assert.True((await meeting.ApproveConclusionAsync(ClusterFixture.Chair, "i1", 1)).Ok);

        foreach (var refused in new[] { ClusterFixture.Delegate1, ClusterFixture.Colleague, ClusterFixture.Outsider })
        {
            Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.PublishConclusionAsync(refused, "i1")).Error!.Code);
        }

        Assert.Equal(ErrorCodes.AgendaItemNotFound.Code, (await meeting.PublishConclusionAsync(ClusterFixture.Secretary, "i99")).Error!.Code);
        Assert.Empty(await PublishedAsync(meeting));

        var published = await meeting.PublishConclusionAsync(ClusterFixture.Secretary, "i1");
        Assert.True(published.Ok, published.Error?.Code);
        var again = await meeting.PublishConclusionAsync(ClusterFixture.Chair, "i1");
        Assert.Equal(published.Version, again.Version); // unchanged: no second ledger entry
        var listed = Assert.Single(await PublishedAsync(meeting));
        Assert.Equal(("Phiên họp thử", "Nội dung 1"), (listed.MeetingTitle, listed.ItemTitle));
        Assert.Equal(["Thống nhất thông qua báo cáo."], listed.Paragraphs);

        var snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        Assert.Equal(1, snapshot.Conclusions.Single(c => c.ItemId == "i1").PublishedRevision);
        var ledger = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value;
        Assert.Equal(MeetingEventKinds.ConclusionPublished, ledger[^1].Command);
        Assert.Equal("secretary", ledger[^1].Actor);

        // A corrected conclusion, approved again, replaces the published one once published again (also after the close).
        Assert.True((await meeting.DraftConclusionAsync(ClusterFixture.Secretary, "i1", ["Thống nhất thông qua báo cáo đã chỉnh sửa."])).Ok);
        Assert.True((await meeting.ApproveConclusionAsync(ClusterFixture.Chair, "i1", 2)).Ok);
        Assert.Equal(["Thống nhất thông qua báo cáo."], Assert.Single(await PublishedAsync(meeting)).Paragraphs);
        Assert.True((await meeting.CloseAsync(ClusterFixture.Chair)).Ok);
        Assert.True((await meeting.PublishConclusionAsync(ClusterFixture.Chair, "i1")).Ok);
        Assert.Equal(["Thống nhất thông qua báo cáo đã chỉnh sửa."], Assert.Single(await PublishedAsync(meeting)).Paragraphs);
    }

    private async Task<PublishedConclusion[]> PublishedAsync(IMeetingGrain meeting)
    {
        var year = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Details.ScheduledStart.Year;
        var list = cluster.Client.GetGrain<IPublishedConclusionsGrain>(IPublishedConclusionsGrain.KeyOf(ClusterFixture.Org, year));
        var all = new List<PublishedConclusion>();
        for (var page = 1; ; page++)
        {
            var shown = await list.GetPageAsync(page);
            all.AddRange(shown.Conclusions);
            if (page >= shown.PageCount)
            {
                return [.. all.Where(c => c.MeetingId == meeting.GetPrimaryKeyString())];
            }
        }
    }
}

public sealed class ConclusionPublishingOnDisk(FileStorageCluster cluster) : ConclusionPublishingTests<FileStorageCluster>(cluster);

public sealed class ConclusionPublishingInRedis(RedisStorageCluster cluster) : ConclusionPublishingTests<RedisStorageCluster>(cluster);
