using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>The chair's view of the room at one meeting version, in the order of the participant list.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.room-view")]
public sealed record RoomView(long Version, ImmutableArray<RoomSeat> Seats)
{
    public bool Equals(RoomView? other) => other is not null && Version == other.Version && Seats.SequenceEqual(other.Seats);

    public override int GetHashCode() => HashCode.Combine(Version, Seats.Length);
}
