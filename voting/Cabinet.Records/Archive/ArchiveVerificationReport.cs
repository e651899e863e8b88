namespace Cabinet.Records.Archive;

/// <summary>
/// What the verifier checked, one line per check; on failure <see cref="Failure"/> names the first failing file or
/// entry, e.g. "ledger.jsonl: mục 7 — nội dung không khớp với mã băm" (in English under <see cref="ReportLanguage.English"/>), and <see cref="Code"/> says which kind of
/// failure it is (<see cref="VerdictCodes"/>). Without a trusted root the archive can be intact but never trusted.
/// </summary>
public sealed record ArchiveVerificationReport(IReadOnlyList<string> Lines, string? Failure)
{
    public bool IsValid => Failure is null;

    public string? Code { get; init; }

    /// <summary>True when every signature that matters chains to the trusted root and the owner signed what it must.</summary>
    public bool IsTrusted { get; init; }

    /// <summary>The verdict with its code, as the command and the page print it, in the report's language (<see cref="ReportLanguage"/>) where it is read.</summary>
    public string Verdict => Failure is null
        ? IsTrusted ? ReportLanguage.Say("HỢP LỆ: mọi kiểm tra đều đạt.", "VALID: every check passed.")
            : ReportLanguage.Say("NGUYÊN VẸN NHƯNG CHƯA ĐƯỢC TIN CẬY: không có chứng thư gốc tin cậy nên chỉ kiểm tra được tính toàn vẹn.",
                "INTACT BUT NOT TRUSTED: without a trust anchor only integrity could be checked.")
        : ReportLanguage.Say($"KHÔNG HỢP LỆ [{Code ?? VerdictCodes.ContentInvalid}]: {VerdictCodes.Describe(Code ?? VerdictCodes.ContentInvalid)} — {Failure}",
            $"INVALID [{Code ?? VerdictCodes.ContentInvalid}]: {VerdictCodes.Describe(Code ?? VerdictCodes.ContentInvalid)} — {Failure}");
}
