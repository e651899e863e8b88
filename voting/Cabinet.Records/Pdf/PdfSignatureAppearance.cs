namespace Cabinet.Records.Pdf;

/// <summary>
/// A visible signature on the last page: a framed rectangle (PDF points, origin bottom-left) with a few lines of text
/// — who, in what capacity, when — and, for an organisation, a red seal mark.
/// </summary>
public sealed record PdfSignatureAppearance(float Left, float Bottom, float Right, float Top, IReadOnlyList<string> Lines)
{
    public bool Seal { get; init; }

    public float Width => Right - Left;

    public float Height => Top - Bottom;
}
