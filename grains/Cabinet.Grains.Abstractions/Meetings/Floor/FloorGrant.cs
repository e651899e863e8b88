namespace Cabinet.Meetings;

/// <summary>
/// The chair gives the floor: to <see cref="UserName"/> (who must be in the current item's queue), or to the
/// first in the queue when it is null; for <see cref="LimitSeconds"/>, or the meeting's default when null.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.floor-grant")]
public sealed record FloorGrant(string? UserName = null, int? LimitSeconds = null)
{
    public static FloorGrant Next { get; } = new();
}
