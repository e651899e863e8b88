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
            ReportLanguage.Say($"Tệp PDF có {pdf.Length} byte.", $"The PDF is {pdf.Length} bytes."),
            ArchiveCheckRun.TrustAnchorLine(trust, ReportLanguage.Say("tệp", "the file")),
        };
        PdfSignatureReport report;
        try
        {
            report = PdfSignatureVerifier.Verify(pdf, trust.Root, limits ?? PdfReadLimits.Default, cancellationToken, trust.TimestampRoots);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ArchiveCheckRun.Failed(lines, VerdictCodes.TimedOut, ReportLanguage.Say("minutes.pdf: việc kiểm tra vượt quá thời gian cho phép nên đã dừng",
                "minutes.pdf: the check took longer than its time budget and was stopped"));
        }

        foreach (var signature in report.Signatures)
        {
            var state = !signature.IsValid ? signature.Failure
                : trust.Root is null ? ReportLanguage.Say("còn nguyên vẹn", "intact") : ReportLanguage.Say("hợp lệ", "valid");
            lines.Add(ReportLanguage.Say(
                $"{(signature.IsDocumentTimestamp ? "Dấu thời gian tài liệu" : "Chữ ký")} {signature.Describe()}, phủ các byte 0–{signature.SignedLength}, "
                    + $"chuỗi chứng thư dẫn tới {CertificateNames.Describe(signature.Anchor)}: {state}.",
                $"{(signature.IsDocumentTimestamp ? "Document timestamp" : "Signature")} {signature.Describe()}, covering bytes 0–{signature.SignedLength}, "
                    + $"chain ending at {CertificateNames.Describe(signature.Anchor)}: {state}."));
        }

        if (report.Failure is { } failure)
        {
            var code = report.Signatures.Count == 0 && report.Unreadable ? VerdictCodes.PdfUnreadable
                : report.Signatures.Count == 0 ? VerdictCodes.PdfUnsigned
                : report.Signatures.Any(s => !s.IsValid) ? VerdictCodes.PdfSignatureInvalid
                : VerdictCodes.PdfUpdatedAfterSigning;
            return ArchiveCheckRun.Failed(lines, code, $"minutes.pdf: {failure}");
        }

        if (trust.ExpectedOrganisationFingerprint is { } expected
            && !report.Signatures.Any(s => s.Signer is { } signer && CertificateNames.Fingerprint(signer) == CertificateNames.NormaliseFingerprint(expected)))
        {
            return ArchiveCheckRun.Failed(lines, VerdictCodes.OrganisationCertificateNotPinned, ReportLanguage.Say($"minutes.pdf: không chữ ký nào là của chứng thư cơ quan được chỉ định {expected}",
                $"minutes.pdf: no signature is by the expected organisation certificate {expected}"));
        }

        lines.Add(trust.Root is null
            ? ReportLanguage.Say("Biên bản còn nguyên vẹn nhưng CHƯA ĐƯỢC TIN CẬY: không có chứng thư gốc tin cậy.", "The minutes are intact, but NOT TRUSTED: no trust anchor was given.")
            : ReportLanguage.Say("Biên bản còn nguyên vẹn và mọi chữ ký đều hợp lệ.", "The minutes are intact and every signature is valid."));
        return new(lines, null) { IsTrusted = trust.Root is not null };
    }

}
