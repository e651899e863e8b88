namespace Cabinet.Records.Pdf;

/// <summary>
/// A PDF with a signature field whose /Contents is still zeroed: <see cref="SignedBytes"/> is what the CMS must cover
/// (everything but the hex /Contents, per its /ByteRange). Plain bytes, so it can wait in storage while a person signs.
/// </summary>
public sealed record PreparedPdfSignature(byte[] Pdf, int ContentsStart, int ContentsSize)
{
    /// <summary>The end of the hex string, its closing '>' included.</summary>
    public int ContentsEnd => ContentsStart + 2 + 2 * ContentsSize;

    public byte[] SignedBytes() => [.. Pdf.AsSpan(0, ContentsStart), .. Pdf.AsSpan(ContentsEnd)];
}
