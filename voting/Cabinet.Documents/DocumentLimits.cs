namespace Cabinet.Documents;

/// <summary>The configured bounds of documents and annotations (configuration section <c>Cabinet:Documents</c>).</summary>
public sealed record DocumentLimits
{
    public const string Section = "Cabinet:Documents";

    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>More page objects than this are refused before any page is parsed.</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>What one compressed stream may inflate to (counted, never held).</summary>
    public long MaxStreamDecodedBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>What all the compressed streams of one file may inflate to together.</summary>
    public long MaxTotalDecodedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>How deep dictionaries and arrays may nest.</summary>
    public int MaxNestingDepth { get; init; } = 100;

    /// <summary>Wall-clock budget of the structure scan, and separately of the isolated read of the pages.</summary>
    public int MaxInspectionSeconds { get; init; } = 20;

    /// <summary>The managed heap limit of the child process that reads the pages (<c>DOTNET_GCHeapHardLimit</c>).</summary>
    public long MaxInspectionMemoryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Memory kept for recently read document files, opened (0: none); files over a quarter of it are not kept.</summary>
    public long ReadCacheBytes { get; init; } = 64L * 1024 * 1024;

    public int MaxNoteChars { get; init; } = 2000;

    public int MaxInkPoints { get; init; } = 5000;

    public int MaxAnnotationsPerPersonPerDocument { get; init; } = 1000;
}
