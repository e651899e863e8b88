using System.Security.Cryptography;
using System.Text.Json;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Records.Trust;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Archive;

/// <summary>
/// What each kind of archive file must satisfy beyond its hash (a chain, a signature by the owner, a schema), and what
/// the files must say together once all are read: each document listed is in the archive, the ledger's closed polls are
/// the signed results and its issued document versions are the listed ones.
/// </summary>
internal sealed class ArchiveContentChecks(IArchiveSource source, ArchiveManifest manifest, ArchiveCheckRun run, ArchiveTrust trust,
    IReadOnlyList<ArchiveFileCheck> extra, ArchiveLimits limits, CancellationToken cancellationToken)
{
    private List<LedgerEntry> _ledger = [];

    /// <returns>Whether the content is sound, a plain-language detail (what was found, or what is wrong), and the failure's code.</returns>
    public (bool Ok, string? Detail, string Code) Check(ArchiveFile file, byte[] content)
    {
        var (ok, detail, code) = file.Path switch
        {
            ArchivePaths.Ledger => Ledger(content),
            ArchivePaths.Minutes => Minutes(content),
            ArchivePaths.Documents => Documents(content),
            ArchivePaths.AccessSummary => AccessSummaryCheck.Check(content, Read),
            _ when file.Path.StartsWith(ArchivePaths.DocumentsFolder, StringComparison.Ordinal) => Document(file, content),
            _ when file.Signs is not null => DetachedSignature(file, content),
            _ => (true, null, VerdictCodes.ContentInvalid),
        };
        foreach (var check in extra.Where(c => ok && c.AppliesTo(file.Path)))
        {
            var failure = Run(check, file.Path, content);
            (ok, detail, code) = failure is null ? (true, Join(detail, check.Describe()), code) : (false, failure, check.Code);
        }

        return (ok, detail, code);
    }

    /// <summary>What the files must say together: called once every file has passed on its own.</summary>
    public (string Code, string Failure)? Finish() =>
        LedgerAgainstResults.FirstMismatch(_ledger, manifest, Read) ?? LedgerAgainstDocuments.FirstMismatch(_ledger, Read)
        ?? OpinionAnswersCheck.FirstMismatch(_ledger, manifest, Read);

    private (bool, string?, string) Ledger(byte[] content)
    {
        const string code = VerdictCodes.LedgerBroken;
        var (entries, badLine) = LedgerJsonLines.Read(content, cancellationToken);
        if (badLine is { } line)
        {
            return (false, ReportLanguage.Say($"dòng {line} không phải một mục nhật ký", $"line {line} is not a ledger entry"), code);
        }

        if (LedgerVerifier.FindFirstFault(entries) is { } fault)
        {
            return (false, fault.Reason.StartsWith("entry ", StringComparison.Ordinal) ? ReportLanguage.Say(fault.ReasonVi, fault.Reason)
                : ReportLanguage.Say($"mục {fault.Sequence} — {fault.ReasonVi}", $"entry {fault.Sequence} — {fault.Reason}"), code);
        }

        if (entries.Count != manifest.LedgerEntries)
        {
            return (false, ReportLanguage.Say($"có {entries.Count} mục nhưng bảng kê niêm phong {manifest.LedgerEntries} mục",
                $"it holds {entries.Count} entries but the manifest seals {manifest.LedgerEntries}"), code);
        }

        _ledger = entries;
        var head = entries.Count > 0 ? entries[^1].Hash : Voting.Chains.HashChain.Genesis;
        return head == manifest.LedgerHead
            ? (true, ReportLanguage.Say($"{entries.Count} mục, chuỗi băm còn nguyên vẹn tới mã băm cuối đã niêm phong {head[..12]}…",
                $"{entries.Count} entries, hash chain intact up to the sealed head {head[..12]}…"), code)
            : (false, ReportLanguage.Say("mã băm cuối khác với mã băm cuối của nhật ký được niêm phong trong bảng kê",
                "its last hash differs from the ledger head sealed in the manifest"), code);
    }

    private (bool, string?, string) Minutes(byte[] content)
    {
        var report = PdfSignatureVerifier.Verify(content, trust.Root, limits.Pdf, cancellationToken, trust.TimestampRoots);
        var signatures = report.Signatures.Select(s => s.Describe()).ToList();
        if (report.IsValid && Unsigned(report) is { } absent)
        {
            return (false, ReportLanguage.Say($"thiếu chữ ký của {absent.Title} {absent.DisplayName} ({absent.UserName}), người bảng kê nêu là phải ký",
                $"it lacks the signature of {absent.Title} {absent.DisplayName} ({absent.UserName}), whom the manifest names as a signatory"), VerdictCodes.SignatoryMissing);
        }

        return report.IsValid
            ? (true, ReportLanguage.Say(
                $"{report.Signatures.Count} chữ ký PDF {(trust.Root is null ? "còn nguyên vẹn" : "hợp lệ")} ({string.Join("; rồi ", signatures)}), chữ ký cuối phủ toàn bộ tệp",
                $"{report.Signatures.Count} PDF signature(s) {(trust.Root is null ? "intact" : "valid")} ({string.Join("; then ", signatures)}), the last covering the whole file"), VerdictCodes.MinutesInvalid)
            : (false, report.Failure, VerdictCodes.MinutesInvalid);
    }

    /// <summary>The first person the manifest names who has no signature here: one by a certificate whose UID is their user name.</summary>
    private ArchiveSignatory? Unsigned(PdfSignatureReport report) =>
        (manifest.Signatories ?? []).FirstOrDefault(p => !report.Signatures.Any(s => !s.IsDocumentTimestamp && s.Signer is { } signer
            && CertificateNames.SubjectValues(signer, Voting.Signing.CertificateAuthority.UserIdOid).Contains(p.UserName, StringComparer.Ordinal)));

    private (bool, string?, string) Documents(byte[] content)
    {
        const string code = VerdictCodes.DocumentsInvalid;
        List<MinutesDocument> documents;
        try
        {
            documents = ArchiveJson.Deserialize<List<MinutesDocument>>(content);
        }
        catch (JsonException e)
        {
            return (false, ReportLanguage.Say($"không phải danh mục tài liệu ({ArchiveJson.Reason(e)})", $"not a document list ({ArchiveJson.Reason(e)})"), code);
        }

        if (manifest.Format == ArchiveManifest.LegacyFormat)
        {
            return (true, ReportLanguage.Say($"{documents.Count} tài liệu được liệt kê kèm phiên bản và mã băm (hồ sơ định dạng 1 không chứa nội dung tài liệu)",
                $"{documents.Count} documents listed with their versions and hashes (a format 1 archive holds no document bytes)"), code);
        }

        // Format 2 holds every version's bytes, named by its hash, so the listed hash is checked against real bytes.
        // A version withheld from the archive (classified, or not for download) is listed with its hash only.
        var missing = documents.FirstOrDefault(d => d is null
            || (d.Withheld is null && !manifest.Files.Any(f => f.Path == ArchivePaths.Document(d.Sha256 ?? "")))
            || d.Withheld is not (null or MinutesDocument.Classified or MinutesDocument.NoDownload));
        if (missing?.Withheld is { } reason && reason is not (MinutesDocument.Classified or MinutesDocument.NoDownload))
        {
            return (false, ReportLanguage.Say($"ghi \"{missing.Title}\" phiên bản {missing.Version} không lưu với lý do không xác định '{reason}'",
                $"lists \"{missing.Title}\" version {missing.Version} as withheld for an unknown reason '{reason}'"), code);
        }

        var withheld = documents.Count(d => d.Withheld is not null);
        return missing is null
            ? (true, ReportLanguage.Say(
                $"{documents.Count} phiên bản tài liệu được liệt kê, {documents.Count - withheld} phiên bản lưu trong {ArchivePaths.DocumentsFolder}"
                    + $"{(withheld > 0 ? $", {withheld} không lưu (tài liệu mật hoặc không cho tải: chỉ có mã băm)" : "")}",
                $"{documents.Count} document versions listed, {documents.Count - withheld} held in {ArchivePaths.DocumentsFolder}"
                    + $"{(withheld > 0 ? $", {withheld} withheld (classified or not for download: hash only)" : "")}"), code)
            : (false, ReportLanguage.Say(
                $"ghi \"{missing?.Title}\" phiên bản {missing?.Version}, nhưng nội dung ({ArchivePaths.Document(missing?.Sha256 ?? "")}) không có trong hồ sơ",
                $"lists \"{missing?.Title}\" version {missing?.Version}, whose bytes ({ArchivePaths.Document(missing?.Sha256 ?? "")}) are not in the archive"), code);
    }

    private static (bool, string?, string) Document(ArchiveFile file, byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return file.Path == ArchivePaths.Document(hash)
            ? (true, ReportLanguage.Say("nội dung tài liệu khớp với mã băm trong tên tệp", "the document's bytes match the hash it is named by"), VerdictCodes.DocumentsInvalid)
            : (false, ReportLanguage.Say($"mã SHA-256 là {hash}, không phải mã trong tên tệp", $"its SHA-256 is {hash}, not the one it is named by"), VerdictCodes.DocumentsInvalid);
    }

    private (bool, string?, string) DetachedSignature(ArchiveFile file, byte[] signature)
    {
        const string code = VerdictCodes.ResultSignatureInvalid;
        var signed = Read(file.Signs!);
        if (signed is null)
        {
            return (false, ReportLanguage.Say($"ký cho {file.Signs}, tệp này không có trong hồ sơ", $"it signs {file.Signs}, which is not in the archive"), code);
        }

        var result = DetachedSignatures.Verify(signed, signature, trust);
        if (!result.IsValid)
        {
            return (false, ReportLanguage.Say($"chữ ký cho {file.Signs} không hợp lệ — {DetachedSignatures.Explain(result, trust.Root)}",
                $"its signature over {file.Signs} is not valid — {DetachedSignatures.Explain(result, trust.Root)}"), code);
        }

        var stamp = result.TimestampAuthority is null ? "" : $" ({TimestampWording.Signature(result.TimestampAuthority, result.TimestampCounted, result.TimestampRoot)})";
        return run.OrganisationRefusal(file.Path, result, manifest) is { } refusal
            ? (false, refusal.Failure[(file.Path.Length + 2)..], refusal.Code)
            : (true, ReportLanguage.Say($"chữ ký cho {file.Signs} {(result.IsTrusted ? "hợp lệ" : "còn nguyên vẹn")}, do {CertificateNames.Describe(result.Signer)} ký{stamp}",
                $"{(result.IsTrusted ? "valid" : "intact")} signature over {file.Signs} by {CertificateNames.Describe(result.Signer)}{stamp}"), code);
    }

    // An extra check parses what it was given; a parse it did not expect to fail is still a plain failure.
    private string? Run(ArchiveFileCheck check, string path, byte[] content)
    {
        try
        {
            return check.Check(path, content, Read);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException
            or InvalidDataException or KeyNotFoundException or IndexOutOfRangeException or ArithmeticException)
        {
            return ReportLanguage.Say($"không đọc được để kiểm tra \"{check.Describe()}\" ({e.Message})", $"cannot be read for the check \"{check.Describe()}\" ({e.Message})");
        }
    }

    // Only files the manifest lists, and only as long as it says they are (and never more than the verifier reads).
    private byte[]? Read(string path) =>
        manifest.Files.FirstOrDefault(f => f.Path == path) is { } listed ? source.Read(path, Math.Min(listed.Size, limits.MaxFileBytes)) : null;

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";
}
