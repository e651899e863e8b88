using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>One year of the meetings a person is invited to, in any organisation (key <see cref="MeetingIndexKeys.PersonShard"/>).</summary>
[Alias("cabinet.IPersonMeetingsGrain")]
public interface IPersonMeetingsGrain : IGrainWithStringKey
{
    /// <summary>Stores the invitation unless a newer version of it is already here.</summary>
    Task UpsertAsync(Invitation invitation);

    /// <summary>Forgets the meeting unless what is here is newer than <paramref name="version"/>.</summary>
    Task RemoveAsync(string meetingId, long version);

    Task<ImmutableArray<Invitation>> GetAsync();
}
