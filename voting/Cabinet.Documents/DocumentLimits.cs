namespace Cabinet.Documents;

/// <summary>The configured bounds of documents and annotations (configuration section <c>Cabinet:Documents</c>).</summary>
public sealed record DocumentLimits
{
    public const string Section = "Cabinet:Documents";

    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    public int MaxNoteChars { get; init; } = 2000;

    public int MaxInkPoints { get; init; } = 5000;

    public int MaxAnnotationsPerPersonPerDocument { get; init; } = 1000;
}
