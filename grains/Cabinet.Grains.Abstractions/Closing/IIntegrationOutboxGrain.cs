using System.Collections.Immutable;

namespace Cabinet.Closing;

/// <summary>Events waiting for delivery to other systems (one per installation, key <see cref="Key"/>). Idempotent by meeting.</summary>
[Alias("cabinet.IIntegrationOutboxGrain")]
public interface IIntegrationOutboxGrain : IGrainWithStringKey
{
    const string Key = "outbox";

    Task AddAsync(MeetingArchived archived);

    Task<ImmutableArray<MeetingArchived>> GetPendingAsync();
}
