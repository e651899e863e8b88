using System.Collections.Immutable;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Hub;

/// <summary>The meetings a person may see: their organisation's, and those they are invited to elsewhere.</summary>
public sealed class MyMeetings(IGrainFactory grains)
{
    public async Task<ImmutableArray<MeetingSummary>> ListAsync(Actor actor)
    {
        var own = await grains.GetGrain<IOrganizationGrain>(actor.OrganizationId).GetMeetingsAsync();
        var invited = await grains.GetGrain<IUserGrain>(actor.UserName).GetMeetingsAsync();
        var summaries = await Task.WhenAll(own.Union(invited).Select(id => grains.GetGrain<IMeetingGrain>(id).GetSummaryAsync(actor)));
        return summaries.Where(s => s.Ok).Select(s => s.Value!).OrderBy(s => s.Details.ScheduledStart).ToImmutableArray();
    }
}
