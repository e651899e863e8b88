using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
internal sealed class ArchiveContentChecks(IArchiveSource source, ArchiveManifest manifest, ArchiveCheckRun run, X509Certificate2? root,
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
            (ok, detail, code) = failure is null ? (true, Join(detail, check.Description), code) : (false, failure, check.Code);
        }

        return (ok, detail, code);
    }

    /// <summary>What the files must say together: called once every file has passed on its own.</summary>
    public (string Code, string Failure)? Finish() =>
        LedgerAgainstResults.FirstMismatch(_ledger, manifest, Read) ?? LedgerAgainstDocuments.FirstMismatch(_ledger, Read);

    private (bool, string?, string) Ledger(byte[] content)
    {
        const string code = VerdictCodes.LedgerBroken;
        var (entries, badLine) = LedgerJsonLines.Read(content, cancellationToken);
        if (badLine is { } line)
        {
            return (false, $"line {line} is not a ledger entry", code);
        }

        if (LedgerVerifier.FindFirstFault(entries) is { } fault)
        {
            return (false, fault.Reason.StartsWith("entry ", StringComparison.Ordinal) ? fault.Reason : $"entry {fault.Sequence} — {fault.Reason}", code);
        }

        if (entries.Count != manifest.LedgerEntries)
        {
            return (false, $"it holds {entries.Count} entries but the manifest seals {manifest.LedgerEntries}", code);
        }

        _ledger = entries;
        var head = entries.Count > 0 ? entries[^1].Hash : Voting.Chains.HashChain.Genesis;
        return head == manifest.LedgerHead
            ? (true, $"{entries.Count} entries, hash chain intact up to the sealed head {head[..12]}…", code)
            : (false, "its last hash differs from the ledger head sealed in the manifest", code);
    }

    private (bool, string?, string) Minutes(byte[] content)
    {
        var report = PdfSignatureVerifier.Verify(content, root, limits.Pdf, cancellationToken);
        return report.IsValid
            ? (true, $"{report.Signatures.Count} PDF signature(s) {(root is null ? "intact" : "valid")} ({string.Join("; then ", report.Signatures.Select(s => s.Describe()))}), the last covering the whole file", VerdictCodes.MinutesInvalid)
            : (false, report.Failure, VerdictCodes.MinutesInvalid);
    }

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
            return (false, $"not a document list ({ArchiveJson.Reason(e)})", code);
        }

        if (manifest.Format == ArchiveManifest.LegacyFormat)
        {
            return (true, $"{documents.Count} documents listed with their versions and hashes (a format 1 archive holds no document bytes)", code);
        }

        // Format 2 holds every version's bytes, named by its hash, so the listed hash is checked against real bytes.
        // A version withheld from the archive (classified, or not for download) is listed with its hash only.
        var missing = documents.FirstOrDefault(d => d is null
            || (d.Withheld is null && !manifest.Files.Any(f => f.Path == ArchivePaths.Document(d.Sha256 ?? "")))
            || d.Withheld is not (null or MinutesDocument.Classified or MinutesDocument.NoDownload));
        if (missing?.Withheld is { } reason && reason is not (MinutesDocument.Classified or MinutesDocument.NoDownload))
        {
            return (false, $"lists \"{missing.Title}\" version {missing.Version} as withheld for an unknown reason '{reason}'", code);
        }

        var withheld = documents.Count(d => d.Withheld is not null);
        return missing is null
            ? (true, $"{documents.Count} document versions listed, {documents.Count - withheld} held in {ArchivePaths.DocumentsFolder}{(withheld > 0 ? $", {withheld} withheld (classified or not for download: hash only)" : "")}", code)
            : (false, $"lists \"{missing?.Title}\" version {missing?.Version}, whose bytes ({ArchivePaths.Document(missing?.Sha256 ?? "")}) are not in the archive", code);
    }

    private static (bool, string?, string) Document(ArchiveFile file, byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return file.Path == ArchivePaths.Document(hash)
            ? (true, "the document's bytes match the hash it is named by", VerdictCodes.DocumentsInvalid)
            : (false, $"its SHA-256 is {hash}, not the one it is named by", VerdictCodes.DocumentsInvalid);
    }

    private (bool, string?, string) DetachedSignature(ArchiveFile file, byte[] signature)
    {
        const string code = VerdictCodes.ResultSignatureInvalid;
        var signed = Read(file.Signs!);
        if (signed is null)
        {
            return (false, $"it signs {file.Signs}, which is not in the archive", code);
        }

        var result = DetachedSignatures.Verify(signed, signature, root);
        if (!result.IsValid)
        {
            return (false, $"its signature over {file.Signs} is not valid — {DetachedSignatures.Explain(result, root)}", code);
        }

        return run.OrganisationRefusal(file.Path, result, manifest) is { } refusal
            ? (false, refusal.Failure[(file.Path.Length + 2)..], refusal.Code)
            : (true, $"{(result.IsTrusted ? "valid" : "intact")} signature over {file.Signs} by {CertificateNames.Describe(result.Signer)}", code);
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
            return $"cannot be read for the check \"{check.Description}\" ({e.Message})";
        }
    }

    // Only files the manifest lists, and only as long as it says they are (and never more than the verifier reads).
    private byte[]? Read(string path) =>
        manifest.Files.FirstOrDefault(f => f.Path == path) is { } listed ? source.Read(path, Math.Min(listed.Size, limits.MaxFileBytes)) : null;

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";
}
