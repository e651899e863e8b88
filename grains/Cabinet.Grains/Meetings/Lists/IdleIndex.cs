namespace Cabinet.Meetings;

/// <summary>
/// For a grain that meeting grains write and its person (or organisation) reads only now and then — an index read when
/// listing meetings, a notice box read when the person looks at their notices: after a write it leaves memory once no
/// call came for <see cref="After"/>, instead of after the collection age (15 min); a read keeps it for that age.
/// Without it, setting up a 1,000-person meeting keeps each person's index, catalog and notice box activations (a few
/// KiB each) in memory for a quarter of an hour, for nobody.
/// </summary>
internal sealed class IdleIndex(IGrainBase grain)
{
    public static readonly TimeSpan After = TimeSpan.FromSeconds(5);

    private IGrainTimer? _leave;

    public void Written()
    {
        _leave?.Dispose();
        _leave = grain.RegisterGrainTimer(() =>
        {
            grain.DeactivateOnIdle();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(After, Timeout.InfiniteTimeSpan));
    }

    public void Read()
    {
        _leave?.Dispose();
        _leave = null;
    }
}
