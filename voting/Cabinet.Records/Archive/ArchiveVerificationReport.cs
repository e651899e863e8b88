namespace Cabinet.Records.Archive;

/// <summary>
/// What the verifier checked, one line per check; on failure <see cref="Failure"/> names the first failing file or
/// entry, e.g. "ledger.jsonl: entry 7 — its content does not match its hash", and <see cref="Code"/> says which kind of
/// failure it is (<see cref="VerdictCodes"/>). Without a trusted root the archive can be intact but never trusted.
/// </summary>
public sealed record ArchiveVerificationReport(IReadOnlyList<string> Lines, string? Failure)
{
    public bool IsValid => Failure is null;

    public string? Code { get; init; }

    /// <summary>True when every signature that matters chains to the trusted root and the owner signed what it must.</summary>
    public bool IsTrusted { get; init; }

    /// <summary>The verdict in Vietnamese with its code, as the command and the page print it.</summary>
    public string Verdict => Failure is null
        ? IsTrusted ? "HỢP LỆ: mọi kiểm tra đều đạt." : "NGUYÊN VẸN NHƯNG CHƯA ĐƯỢC TIN CẬY: không có chứng thư gốc tin cậy nên chỉ kiểm tra được tính toàn vẹn."
        : $"KHÔNG HỢP LỆ [{Code ?? VerdictCodes.ContentInvalid}]: {VerdictCodes.Describe(Code ?? VerdictCodes.ContentInvalid)} — {Failure}";
}
