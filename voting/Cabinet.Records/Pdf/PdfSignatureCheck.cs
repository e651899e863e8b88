using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Archive;
using Cabinet.Records.Trust;

namespace Cabinet.Records.Pdf;

/// <summary>One signature found in a PDF and what checking it found.</summary>
/// <param name="SignedLength">Where the signed bytes end: the file length at the time of signing.</param>
public sealed record PdfSignatureCheck(
    string FieldName,
    string? SignerSubject,
    DateTimeOffset? SigningTime,
    long SignedLength,
    bool IsValid,
    string? Failure)
{
    /// <summary>The signer's certificate, when the signature could be read.</summary>
    public X509Certificate2? Signer { get; init; }

    /// <summary>Where the signer's chain ends.</summary>
    public X509Certificate2? Anchor { get; init; }

    /// <summary>A document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) rather than a person's or the organisation's signature.</summary>
    public bool IsDocumentTimestamp { get; init; }

    /// <summary>Which timestamp the certificates were judged at and whether it counted, in the report's language; null when there is nothing to say.</summary>
    public string? TimestampNote { get; init; }

    /// <summary>The field, the signer's subject and fingerprint, when, and the timestamp's standing, for a verdict.</summary>
    public string Describe() =>
        $"{FieldName}: {(Signer is null ? SignerSubject ?? ReportLanguage.Say("không rõ người ký", "unknown signer") : CertificateNames.Describe(Signer))}"
        + $"{(SigningTime is { } at ? ReportLanguage.Say($" lúc {at:u}", $" at {at:u}") : "")}{TimestampNote}";
}
