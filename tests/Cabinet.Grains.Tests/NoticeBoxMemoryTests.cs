using Cabinet.Meetings;
using Cabinet.Notices;
using Orleans.Runtime;

namespace Cabinet.Grains.Tests;

/// <summary>
/// Scheduling a meeting delivers an invitation to every participant's notice box: a box nobody reads leaves memory
/// soon after (not after the 15-minute collection age), and its notices are still there when the person looks.
/// </summary>
public sealed class NoticeBoxMemoryTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    [Fact]
    public async Task An_unread_delivery_leaves_memory_and_the_notice_stays_stored()
    {
        var userName = "hopthu-" + Guid.NewGuid().ToString("N")[..8];
        var box = cluster.Client.GetGrain<INoticeBoxGrain>(userName);
        Assert.True(await box.DeliverAsync(new Notice("moi-hop-1", NoticeKinds.MeetingInvitation, "Mời họp", "Họp thường kỳ tháng 3", "/meetings/x", DateTimeOffset.UtcNow)));

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var active = true;
        for (var attempt = 0; attempt < 100 && active; attempt++)
        {
            await Task.Delay(IdleIndex.After / 10);
            active = await IsActiveAsync(management, userName);
        }

        Assert.False(active);
        var page = await box.ListAsync(0, NoticePage.MaxSize);
        Assert.Equal("moi-hop-1", Assert.Single(page.Items).Notice.Id);
        Assert.Equal(1, page.Unread);
    }

    private static async Task<bool> IsActiveAsync(IManagementGrain management, string userName) =>
        (await management.GetActiveGrains(GrainType.Create("noticebox"))).Any(g => g.Key.ToString() == userName);
}
