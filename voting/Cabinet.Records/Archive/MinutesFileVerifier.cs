using Cabinet.Records.Pdf;
using Cabinet.Records.Trust;

namespace Cabinet.Records.Archive;

/// <summary>
/// Checks a minutes PDF on its own, as people forward it: every signature's integrity and signer (with fingerprints),
/// and that nothing was appended after the last signature (a document timestamp may cover only validation data).
/// With an expected organisation certificate, one of the signatures must be by it.
/// </summary>
public static class MinutesFileVerifier
{
    public static ArchiveVerificationReport Verify(byte[] pdf, ArchiveTrust trust, PdfReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(trust);
        var lines = new List<string>
        {
            $"The PDF is {pdf.Length} bytes.",
            trust.Root is { } root
                ? $"Trust anchor (chứng thư gốc tin cậy): {CertificateNames.Describe(root)}."
                : "No trust anchor was given (không có chứng thư gốc): only integrity is checked, and the file cannot be trusted.",
        };
        PdfSignatureReport report;
        try
        {
            report = PdfSignatureVerifier.Verify(pdf, trust.Root, limits ?? PdfReadLimits.Default, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(lines, VerdictCodes.TimedOut, "minutes.pdf: the check took longer than its time budget and was stopped");
        }

        foreach (var signature in report.Signatures)
        {
            lines.Add($"{(signature.IsDocumentTimestamp ? "Document timestamp" : "Signature")} {signature.Describe()}, covering bytes 0–{signature.SignedLength}, "
                + $"chain ending at {CertificateNames.Describe(signature.Anchor)}: {(signature.IsValid ? trust.Root is null ? "intact" : "valid" : signature.Failure)}.");
        }

        if (report.Failure is { } failure)
        {
            var code = report.Signatures.Count == 0 && failure.StartsWith("not a readable PDF", StringComparison.Ordinal) ? VerdictCodes.PdfUnreadable
                : report.Signatures.Count == 0 ? VerdictCodes.PdfUnsigned
                : report.Signatures.Any(s => !s.IsValid) ? VerdictCodes.PdfSignatureInvalid
                : VerdictCodes.PdfUpdatedAfterSigning;
            return Fail(lines, code, $"minutes.pdf: {failure}");
        }

        if (trust.ExpectedOrganisationFingerprint is { } expected
            && !report.Signatures.Any(s => s.Signer is { } signer && CertificateNames.Fingerprint(signer) == CertificateNames.NormaliseFingerprint(expected)))
        {
            return Fail(lines, VerdictCodes.OrganisationCertificateNotPinned, $"minutes.pdf: no signature is by the expected organisation certificate {expected}");
        }

        lines.Add(trust.Root is null ? "The minutes are intact, but NOT TRUSTED: no trust anchor was given." : "The minutes are intact and every signature is valid.");
        return new(lines, null) { IsTrusted = trust.Root is not null };
    }

    private static ArchiveVerificationReport Fail(List<string> lines, string code, string failure) =>
        new([.. lines, $"FAILED [{code}]: {failure}"], failure) { Code = code };
}
