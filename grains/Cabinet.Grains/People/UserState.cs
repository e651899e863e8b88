using System.Collections.Immutable;

namespace Cabinet.People;

[GenerateSerializer]
public sealed record UserState
{
    [Id(0)] public UserProfile? Profile { get; init; }
    [Id(1)] public string PasswordHash { get; init; } = "";
    [Id(2)] public int FailedSignIns { get; init; }
    [Id(3)] public DateTimeOffset? LockedUntil { get; init; }
    [Id(4)] public ImmutableArray<string> Meetings { get; init; } = [];
    [Id(5)] public ImmutableArray<Polls.DeviceKey> Devices { get; init; } = [];
}
