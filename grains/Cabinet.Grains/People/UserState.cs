using System.Collections.Immutable;

namespace Cabinet.People;

[GenerateSerializer]
public sealed record UserState
{
    [Id(0)] public UserProfile? Profile { get; init; }
    [Id(1)] public string PasswordHash { get; init; } = "";
    [Id(2)] public int FailedSignIns { get; init; }
    [Id(3)] public DateTimeOffset? LockedUntil { get; init; }
    // Id 4 held the ids of every meeting the person was invited to, a list that only grew; the meeting index replaced it.
    [Id(5)] public ImmutableArray<Polls.DeviceKey> Devices { get; init; } = [];
}
