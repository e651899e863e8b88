namespace Cabinet.Bench;

/// <param name="Added">From AddAnnotation to its answer (stored), per annotation.</param>
/// <param name="Propagation">From AddAnnotation to the push on each other screen, over all screens × annotations.</param>
public sealed record AnnotationStreamResult(int Annotators, int Attempted, int Accepted, double PerSecond, LatencyStats Added, LatencyStats Propagation)
{
    public static readonly AnnotationStreamResult NotRun = new(0, 0, 0, double.NaN, LatencyStats.Empty, LatencyStats.Empty);
}
