namespace Cabinet.Records.Pdf;

/// <summary>What a PDF signature says about itself, besides the CMS: why, who, where and when.</summary>
/// <param name="Reason">e.g. "Thư ký ký biên bản" or "Đóng dấu cơ quan".</param>
public sealed record PdfSignatureRequest(string Reason)
{
    /// <summary>The /Name shown by readers; defaults to the certificate's common name.</summary>
    public string? SignerName { get; init; }

    public string? Location { get; init; }

    /// <summary>The signature field's name; defaults to "Signature1", "Signature2", … in signing order.</summary>
    public string? FieldName { get; init; }

    /// <summary>The claimed signing time written as /M; defaults to now.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>Where and how the signature shows on the last page; null signs invisibly.</summary>
    public PdfSignatureAppearance? Appearance { get; init; }

    /// <summary>Bytes reserved for the CMS; 16 KB holds an RSA-3072 signature with a few certificates comfortably.</summary>
    public int ContentsSize { get; init; } = 16 * 1024;
}
