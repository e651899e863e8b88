namespace Cabinet.Records.Archive;

/// <summary>
/// What the verifier checked, in plain language, one line per check; on failure <see cref="Failure"/> names the first
/// failing file or entry, e.g. "ledger.jsonl: entry 7 — its content does not match its hash".
/// </summary>
public sealed record ArchiveVerificationReport(IReadOnlyList<string> Lines, string? Failure)
{
    public bool IsValid => Failure is null;
}
