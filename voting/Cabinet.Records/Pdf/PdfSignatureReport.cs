namespace Cabinet.Records.Pdf;

/// <summary>
/// Every signature of a PDF in signing order, and the first problem if any: a broken signature, no signature at all,
/// or bytes appended after the last signature.
/// </summary>
public sealed record PdfSignatureReport(IReadOnlyList<PdfSignatureCheck> Signatures, string? Failure)
{
    public bool IsValid => Failure is null;

    /// <summary>The file could not be read as a PDF at all.</summary>
    public bool Unreadable { get; init; }
}
