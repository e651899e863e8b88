using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>Steps the floor tests share.</summary>
internal static class FloorSteps
{
    /// <summary>A new meeting, opened by the chair: live on its first item.</summary>
    public static async Task<IMeetingGrain> NewLiveMeetingAsync(this ClusterFixture cluster)
    {
        var meeting = await cluster.NewMeetingAsync();
        Assert.True((await meeting.OpenAsync(ClusterFixture.Chair)).Ok);
        return meeting;
    }

    /// <summary>Who waits to speak on the current item, in order.</summary>
    public static async Task<string[]> QueueAsync(this IMeetingGrain meeting)
    {
        var snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!;
        return [.. snapshot.Floor.For(snapshot.Current!.ItemId).Queue.Select(r => r.UserName)];
    }
}
