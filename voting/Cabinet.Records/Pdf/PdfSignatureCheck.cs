namespace Cabinet.Records.Pdf;

/// <summary>One signature found in a PDF and what checking it found.</summary>
/// <param name="SignedLength">Where the signed bytes end: the file length at the time of signing.</param>
public sealed record PdfSignatureCheck(
    string FieldName,
    string? SignerSubject,
    DateTimeOffset? SigningTime,
    long SignedLength,
    bool IsValid,
    string? Failure);
