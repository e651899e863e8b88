namespace Cabinet.Records.Pdf;

/// <summary>
/// The budget for reading one PDF from outside: how deep values may nest, how many bytes all its streams may decode
/// to together, how many objects it may declare and how many values may be parsed. Reading stops with an
/// <see cref="InvalidDataException"/> the moment one is exceeded, so no input can exhaust the stack, memory or time.
/// </summary>
public sealed record PdfReadLimits
{
    public static PdfReadLimits Default { get; } = new();

    /// <summary>Arrays and dictionaries inside each other, and indirect references followed inside each other.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>Bytes all Flate streams of the file may inflate to, together.</summary>
    public long MaxDecodedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Objects the cross-reference data may declare, and objects read (each read counts).</summary>
    public int MaxObjects { get; init; } = 200_000;

    /// <summary>Values (numbers, names, strings, arrays, dictionaries) parsed in all, so memory stays bounded too.</summary>
    public long MaxValues { get; init; } = 2_000_000;

    /// <summary>Cross-reference sections followed along /Prev and /XRefStm.</summary>
    public int MaxSections { get; init; } = 1_000;
}
