using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Cabinet.Records.Trust;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Archive;

/// <summary>One verification of one archive: the checks in order, the report's lines so far, the file being read.</summary>
internal sealed class ArchiveCheckRun(ArchiveTrust trust, IReadOnlyList<ArchiveFileCheck> checks, ArchiveLimits limits, CancellationToken cancellationToken)
{
    private const long SignatureLimit = 1024 * 1024;
    private readonly List<string> _lines = [];

    /// <summary>The file being read or checked, for a report on what could not be read.</summary>
    public string? CurrentFile { get; private set; }

    public ArchiveVerificationReport Fail(string code, string failure) => Failed(_lines, code, failure);

    /// <summary>The report so far, ending in the failure's line.</summary>
    internal static ArchiveVerificationReport Failed(IEnumerable<string> lines, string code, string failure) =>
        new([.. lines, ReportLanguage.Say($"KHÔNG ĐẠT [{code}]: {failure}", $"FAILED [{code}]: {failure}")], failure) { Code = code };

    public ArchiveVerificationReport Verify(IArchiveSource source)
    {
        _lines.Add(ReportLanguage.Say($"Hồ sơ có {source.Paths.Count} tệp.", $"The archive holds {source.Paths.Count} files."));
        _lines.Add(TrustAnchorLine(trust, ReportLanguage.Say("hồ sơ", "the archive")));
        CurrentFile = ArchiveManifest.FileName;
        var manifestJson = source.Read(ArchiveManifest.FileName, limits.MaxManifestBytes);
        var manifestSignature = source.Read(ArchiveManifest.SignatureFileName, SignatureLimit);
        if (manifestJson is null || manifestSignature is null)
        {
            return Fail(VerdictCodes.ManifestMissing,
                ReportLanguage.Say($"{(manifestJson is null ? ArchiveManifest.FileName : ArchiveManifest.SignatureFileName)}: bị thiếu, nên không thể tin cậy nội dung nào của hồ sơ",
                    $"{(manifestJson is null ? ArchiveManifest.FileName : ArchiveManifest.SignatureFileName)}: missing, so nothing in the archive can be trusted"));
        }

        if (manifestJson.Length > limits.MaxManifestBytes)
        {
            return Fail(VerdictCodes.ManifestInvalid, ReportLanguage.Say(
                $"{ArchiveManifest.FileName}: lớn hơn {limits.MaxManifestBytes} byte, quá mức cần cho bảng kê của một cuộc họp",
                $"{ArchiveManifest.FileName}: larger than {limits.MaxManifestBytes} bytes, which no meeting's manifest needs"));
        }

        var signature = DetachedSignatures.Verify(manifestJson, manifestSignature, trust);
        if (!signature.IsValid)
        {
            return Fail(VerdictCodes.ManifestSignatureInvalid, ReportLanguage.Say(
                $"{ArchiveManifest.FileName}: chữ ký ({ArchiveManifest.SignatureFileName}) không hợp lệ — {DetachedSignatures.Explain(signature, trust.Root)}",
                $"{ArchiveManifest.FileName}: its signature ({ArchiveManifest.SignatureFileName}) is not valid — {DetachedSignatures.Explain(signature, trust.Root)}"));
        }

        var stamp = TimestampWording.Signature(signature.TimestampAuthority, signature.TimestampCounted, signature.TimestampRoot);
        _lines.Add(ReportLanguage.Say(
            $"{ArchiveManifest.FileName}: chữ ký {(signature.IsTrusted ? "hợp lệ" : "còn nguyên vẹn")}, do {CertificateNames.Describe(signature.Signer)} ký lúc {signature.SigningTime:u}, "
                + $"chuỗi chứng thư dẫn tới {CertificateNames.Describe(signature.Anchor)}, chứng thư được xét tại {signature.CheckedAt:u} ({stamp}).",
            $"{ArchiveManifest.FileName}: signature {(signature.IsTrusted ? "valid" : "intact")}, signed by {CertificateNames.Describe(signature.Signer)} at {signature.SigningTime:u}, "
                + $"chain ending at {CertificateNames.Describe(signature.Anchor)}, certificates judged at {signature.CheckedAt:u} ({stamp})."));
        ArchiveManifest manifest;
        try
        {
            manifest = ArchiveJson.Deserialize<ArchiveManifest>(manifestJson);
        }
        catch (JsonException e)
        {
            return Fail(VerdictCodes.ManifestInvalid, ReportLanguage.Say($"{ArchiveManifest.FileName}: không phải bảng kê Cabinet ({ArchiveJson.Reason(e)})",
                $"{ArchiveManifest.FileName}: not a Cabinet manifest ({ArchiveJson.Reason(e)})"));
        }

        if (manifest.Format is not (ArchiveManifest.CurrentFormat or ArchiveManifest.LegacyFormat))
        {
            return Fail(VerdictCodes.ManifestInvalid, ReportLanguage.Say($"{ArchiveManifest.FileName}: định dạng hồ sơ không xác định '{manifest.Format}'",
                $"{ArchiveManifest.FileName}: unknown archive format '{manifest.Format}'"));
        }

        if (manifest.Files.Any(f => f is null))
        {
            return Fail(VerdictCodes.ManifestInvalid, ReportLanguage.Say($"{ArchiveManifest.FileName}: danh sách tệp có mục rỗng (null)",
                $"{ArchiveManifest.FileName}: its file list holds an empty entry (null)"));
        }

        var organisationId = manifest.OrganisationId is { } id ? ReportLanguage.Say($" (mã {id})", $" (id {id})") : "";
        _lines.Add(ReportLanguage.Say(
            $"{(manifest.IsOpinion ? "Phiếu lấy ý kiến" : "Cuộc họp")} \"{manifest.MeetingTitle}\" ({manifest.MeetingId}) của {manifest.Organisation}{organisationId}, kết thúc {manifest.ClosedAt:u}, định dạng {manifest.Format}"
                + $"{(manifest.IsOpinion ? $"; {ArchivePaths.Minutes} là báo cáo tổng hợp ý kiến" : "")}{Signing(manifest, vi: true)}.",
            $"{(manifest.IsOpinion ? "Opinion ballot" : "Meeting")} \"{manifest.MeetingTitle}\" ({manifest.MeetingId}) of {manifest.Organisation}{organisationId}, closed {manifest.ClosedAt:u}, format {manifest.Format}"
                + $"{(manifest.IsOpinion ? $"; {ArchivePaths.Minutes} is its consolidated report" : "")}{Signing(manifest, vi: false)}."));
        if (OrganisationRefusal(ArchiveManifest.FileName, signature, manifest) is { } refusal)
        {
            return Fail(refusal.Code, refusal.Failure);
        }

        return CheckListing(source, manifest) is { } unlisted ? Fail(unlisted.Code, unlisted.Failure) : CheckFiles(source, manifest, signature.IsTrusted);
    }

    /// <summary>The manifest and every poll result must be signed by the organisation that owns the meeting, and by the pinned certificate when one is.</summary>
    internal (string Code, string Failure)? OrganisationRefusal(string file, CmsVerification signature, ArchiveManifest manifest)
    {
        var match = OrganisationCertificate.Judge(signature.Signer!, manifest.Organisation, manifest.OrganisationId);
        if (!match.IsOrganisation)
        {
            return (VerdictCodes.SignerNotOrganisation, ReportLanguage.Say(
                $"{file}: do {CertificateNames.Describe(signature.Signer)} ký, không phải con dấu của {manifest.Organisation} — {match.Failure}",
                $"{file}: signed by {CertificateNames.Describe(signature.Signer)}, which is not {manifest.Organisation}'s seal — {match.Failure}"));
        }

        var fingerprint = CertificateNames.Fingerprint(signature.Signer!);
        if (trust.ExpectedOrganisationFingerprint is { } expected && !string.Equals(CertificateNames.NormaliseFingerprint(expected), fingerprint, StringComparison.Ordinal))
        {
            return (VerdictCodes.OrganisationCertificateNotPinned, ReportLanguage.Say(
                $"{file}: do {CertificateNames.Describe(signature.Signer)} ký, không phải chứng thư của cơ quan được chỉ định {expected}",
                $"{file}: signed by {CertificateNames.Describe(signature.Signer)}, not by the expected organisation certificate {expected}"));
        }

        if (file == ArchiveManifest.FileName)
        {
            var identifier = $"organizationIdentifier {OrganisationCertificate.IdentifierPrefix}{manifest.OrganisationId}";
            var pinned = trust.ExpectedOrganisationFingerprint is not null;
            _lines.Add(ReportLanguage.Say(
                $"Người ký là con dấu của {manifest.Organisation}{(match.Legacy ? " (chứng thư cũ, không có mã cơ quan: khớp theo tên)" : $" ({identifier})")}{(pinned ? ", đúng chứng thư được chỉ định" : "")}.",
                $"The signer is {manifest.Organisation}'s seal{(match.Legacy ? " (legacy certificate: no organisation identifier; matched by its name)" : $" ({identifier})")}{(pinned ? ", and the expected certificate" : "")}."));
        }

        return null;
    }

    private (string Code, string Failure)? CheckListing(IArchiveSource source, ArchiveManifest manifest)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!ArchivePaths.IsSafe(file.Path) || file.Path is ArchiveManifest.FileName or ArchiveManifest.SignatureFileName || !listed.Add(file.Path))
            {
                return (VerdictCodes.ManifestInvalid, ReportLanguage.Say($"{ArchiveManifest.FileName}: ghi '{file.Path}', đường dẫn không an toàn hoặc bị ghi hai lần",
                    $"{ArchiveManifest.FileName}: lists '{file.Path}', which is unsafe or listed twice"));
            }

            if (file.Size < 0 || file.Size > limits.MaxFileBytes)
            {
                return (VerdictCodes.ManifestInvalid, ReportLanguage.Say(
                    $"{ArchiveManifest.FileName}: ghi {file.Path} có {file.Size} byte, ngoài giới hạn trình kiểm tra đọc (0 đến {limits.MaxFileBytes})",
                    $"{ArchiveManifest.FileName}: gives {file.Path} a size of {file.Size} bytes, outside what the verifier reads (0 to {limits.MaxFileBytes})"));
            }
        }

        if (source.Paths.FirstOrDefault(p => !listed.Contains(p) && p is not (ArchiveManifest.FileName or ArchiveManifest.SignatureFileName)) is { } extra)
        {
            return (VerdictCodes.FileAdded, ReportLanguage.Say($"{extra}: thiếu trong bảng kê (manifest) — không được thêm tệp vào hồ sơ đã niêm phong",
                $"{extra}: not listed in the manifest — nothing may be added to a sealed archive"));
        }

        return new[] { ArchivePaths.Minutes, ArchivePaths.Ledger, ArchivePaths.Documents }.FirstOrDefault(p => !listed.Contains(p)) is { } required
            ? (VerdictCodes.ManifestInvalid, ReportLanguage.Say($"{required}: thiếu trong bảng kê (manifest)", $"{required}: missing from the manifest"))
            : null;
    }

    private ArchiveVerificationReport CheckFiles(IArchiveSource source, ArchiveManifest manifest, bool trusted)
    {
        _lines.Add(ReportLanguage.Say($"Không có tệp nào bị thêm: cả {source.Paths.Count - 2} tệp đều có trong bảng kê.",
            $"No file was added: every one of the {source.Paths.Count - 2} files is listed in the manifest."));
        var content = new ArchiveContentChecks(source, manifest, this, trust, checks, limits, cancellationToken);
        foreach (var file in ArchivePaths.CheckingOrder(manifest.Files))
        {
            cancellationToken.ThrowIfCancellationRequested();
            CurrentFile = file.Path;
            var bytes = source.Read(file.Path, file.Size);
            if (bytes is null)
            {
                return Fail(VerdictCodes.FileMissing, ReportLanguage.Say($"{file.Path}: có trong bảng kê nhưng không có trong hồ sơ",
                    $"{file.Path}: listed in the manifest but missing from the archive"));
            }

            if (bytes.Length > file.Size)
            {
                // Read on (within the verifier's limit) so the report gives the real size, not "one byte more".
                bytes = source.Read(file.Path, limits.MaxFileBytes) ?? bytes;
            }

            var matches = bytes.Length == file.Size
                && string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256, StringComparison.OrdinalIgnoreCase);
            var checkedContent = content.Check(file, bytes);
            if (!matches)
            {
                var difference = Math.Abs(bytes.Length - file.Size);
                var size = bytes.Length == file.Size ? ReportLanguage.Say("mã SHA-256 khác", "its SHA-256 differs")
                    : bytes.Length > limits.MaxFileBytes ? ReportLanguage.Say($"dài hơn {limits.MaxFileBytes} byte, khi niêm phong là {file.Size}",
                        $"it is longer than {limits.MaxFileBytes} bytes where {file.Size} were sealed")
                    : ReportLanguage.Say($"có {bytes.Length} byte, khi niêm phong là {file.Size} ({(bytes.Length > file.Size ? "thêm" : "bớt")} {difference} byte)",
                        $"it is {bytes.Length} bytes where {file.Size} were sealed ({difference} {(bytes.Length > file.Size ? "added" : "removed")})");
                return Fail(checkedContent.Ok ? VerdictCodes.FileChanged : checkedContent.Code,
                    checkedContent.Ok ? ReportLanguage.Say($"{file.Path}: nội dung khác với bảng kê đã niêm phong ({size})",
                        $"{file.Path}: its content differs from the sealed manifest ({size})")
                    : ReportLanguage.Say($"{file.Path}: {checkedContent.Detail} (tệp khác với bảng kê đã niêm phong: {size})",
                        $"{file.Path}: {checkedContent.Detail} (the file differs from the sealed manifest: {size})"));
            }

            if (!checkedContent.Ok)
            {
                return Fail(checkedContent.Code, $"{file.Path}: {checkedContent.Detail}");
            }

            var detail = checkedContent.Detail is null ? "" : $"; {checkedContent.Detail}";
            _lines.Add(ReportLanguage.Say($"{file.Path}: {file.Size} byte, SHA-256 khớp với bảng kê{detail}.",
                $"{file.Path}: {file.Size} bytes, SHA-256 matches the manifest{detail}."));
        }

        CurrentFile = null;
        if (content.Finish() is { } unfinished)
        {
            return Fail(unfinished.Code, unfinished.Failure);
        }

        _lines.Add(trusted ? ReportLanguage.Say("Hồ sơ còn nguyên vẹn.", "The archive is intact.")
            : ReportLanguage.Say("Hồ sơ còn nguyên vẹn nhưng CHƯA ĐƯỢC TIN CẬY: không có chứng thư gốc tin cậy.", "The archive is intact, but NOT TRUSTED: no trust anchor was given."));
        return new(_lines, null) { IsTrusted = trusted };
    }

    /// <summary>Who the manifest says must have signed the PDF, for the report's line on the archive.</summary>
    private static string Signing(ArchiveManifest manifest, bool vi) => manifest.Signatories is not { Count: > 0 } people ? ""
        : vi ? $"; phải có chữ ký của {string.Join(", ", people.Select(p => $"{p.Title} {p.DisplayName} ({p.UserName})"))}"
        : $"; it must be signed by {string.Join(", ", people.Select(p => $"{p.Title} {p.DisplayName} ({p.UserName})"))}";

    /// <summary>The report's line on the trust anchor and the counted timestamp authorities' roots; <paramref name="what"/> is "the archive" or "the file".</summary>
    internal static string TrustAnchorLine(ArchiveTrust trust, string what)
    {
        var tsaRoots = trust.TimestampRoots.Count == 0 ? ""
            : ReportLanguage.Say($" Mốc tin cậy của TSA (--tsa-root): {string.Join("; ", trust.TimestampRoots.Select(CertificateNames.Describe))}.",
                $" Timestamp authorities' roots (--tsa-root): {string.Join("; ", trust.TimestampRoots.Select(CertificateNames.Describe))}.");
        return trust.Root is { } root
            ? ReportLanguage.Say($"Chứng thư gốc tin cậy: {CertificateNames.Describe(root)}.{tsaRoots}", $"Trust anchor: {CertificateNames.Describe(root)}.{tsaRoots}")
            : ReportLanguage.Say($"Không có chứng thư gốc tin cậy: chỉ kiểm tra được tính toàn vẹn, {what} không thể được tin cậy.",
                $"No trust anchor was given: only integrity is checked, and {what} cannot be trusted.");
    }
}
