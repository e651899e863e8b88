using System.Collections.Immutable;

namespace Cabinet.Closing;

/// <summary>
/// Meetings closed but not yet sealed (one per installation, key <see cref="Key"/>). A meeting adds itself before it
/// records its close and removes itself once sealed, so a host that fails midway leaves it here to be resumed.
/// </summary>
[Alias("cabinet.ISealQueueGrain")]
public interface ISealQueueGrain : IGrainWithStringKey
{
    const string Key = "seal-queue";

    Task AddAsync(string meetingId);

    Task RemoveAsync(string meetingId);

    Task<ImmutableArray<string>> GetPendingAsync();
}
