namespace Cabinet.Grains.Tests;

/// <summary>The system's clock moved ahead by what a test adds: time passes as usual, and a test can skip minutes.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>A cluster on disk whose grains read <see cref="ShiftedClock"/>: for what happens after minutes without use.</summary>
public sealed class ShiftedClockCluster : FileStorageCluster
{
    public ShiftedClock Shifted { get; } = new();

    protected override TimeProvider Clock => Shifted;
}
