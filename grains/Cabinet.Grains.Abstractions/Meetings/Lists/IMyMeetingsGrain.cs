using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>
/// Reads pages of the meetings a person may see — their organisation's and those they are invited to elsewhere —
/// from the indexes only: no meeting grain is activated. Stateless; use key 0.
/// </summary>
[Alias("cabinet.IMyMeetingsGrain")]
public interface IMyMeetingsGrain : IGrainWithIntegerKey
{
    /// <summary>The page after <paramref name="cursor"/> (null: the first); at most <see cref="MeetingPage.MaxSize"/> items.</summary>
    Task<Result<MeetingPage>> GetPageAsync(Actor actor, string? cursor, int pageSize);
}
