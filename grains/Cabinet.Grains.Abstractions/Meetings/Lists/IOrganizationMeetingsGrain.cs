using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>
/// One month of an organisation's meetings (key <see cref="MeetingIndexKeys.OrganizationShard"/>), kept up to date by
/// the meeting grains, read by "my meetings" without activating any meeting.
/// </summary>
[Alias("cabinet.IOrganizationMeetingsGrain")]
public interface IOrganizationMeetingsGrain : IGrainWithStringKey
{
    /// <summary>Stores the listing unless a newer version of it is already here.</summary>
    Task UpsertAsync(MeetingListing listing);

    /// <summary>Forgets the meeting unless what is here is newer than <paramref name="version"/>.</summary>
    Task RemoveAsync(string meetingId, long version);

    Task<ImmutableArray<MeetingListing>> GetAsync();
}
