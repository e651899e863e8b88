using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Voting.Ledger;

namespace Cabinet.Records.Archive;

/// <summary>What each kind of archive file must satisfy beyond its hash: a chain, a signature, a schema.</summary>
internal sealed class ArchiveContentChecks(IArchiveSource source, ArchiveManifest manifest, X509Certificate2 root, IReadOnlyList<ArchiveFileCheck> extra,
    ArchiveLimits limits, CancellationToken cancellationToken)
{
    /// <returns>Whether the content is sound, and a plain-language detail (what was found, or what is wrong).</returns>
    public (bool Ok, string? Detail) Check(ArchiveFile file, byte[] content)
    {
        var (ok, detail) = file.Path switch
        {
            ArchivePaths.Ledger => Ledger(content),
            ArchivePaths.Minutes => Minutes(content),
            ArchivePaths.Documents => Documents(content),
            _ when file.Signs is not null => DetachedSignature(file, content),
            _ => (true, null),
        };
        foreach (var check in extra.Where(c => ok && c.AppliesTo(file.Path)))
        {
            var failure = Run(check, file.Path, content);
            (ok, detail) = failure is null ? (true, Join(detail, check.Description)) : (false, failure);
        }

        return (ok, detail);
    }

    private (bool, string?) Ledger(byte[] content)
    {
        var (entries, badLine) = LedgerJsonLines.Read(content, cancellationToken);
        if (badLine is { } line)
        {
            return (false, $"line {line} is not a ledger entry");
        }

        if (LedgerVerifier.FindFirstFault(entries) is { } fault)
        {
            return (false, fault.Reason.StartsWith("entry ", StringComparison.Ordinal) ? fault.Reason : $"entry {fault.Sequence} — {fault.Reason}");
        }

        if (entries.Count != manifest.LedgerEntries)
        {
            return (false, $"it holds {entries.Count} entries but the manifest seals {manifest.LedgerEntries}");
        }

        var head = entries.Count > 0 ? entries[^1].Hash : Voting.Chains.HashChain.Genesis;
        return head == manifest.LedgerHead
            ? (true, $"{entries.Count} entries, hash chain intact up to the sealed head {head[..12]}…")
            : (false, "its last hash differs from the ledger head sealed in the manifest");
    }

    private (bool, string?) Minutes(byte[] content)
    {
        var report = PdfSignatureVerifier.Verify(content, root, limits.Pdf, cancellationToken);
        return report.IsValid
            ? (true, $"{report.Signatures.Count} PDF signature(s) valid ({string.Join("; then ", report.Signatures.Select(s => s.SignerSubject))}), the last covering the whole file")
            : (false, report.Failure);
    }

    private static (bool, string?) Documents(byte[] content)
    {
        try
        {
            var documents = ArchiveJson.Deserialize<List<MinutesDocument>>(content);
            return (true, $"{documents.Count} documents listed with their versions and hashes");
        }
        catch (JsonException e)
        {
            return (false, $"not a document list ({ArchiveJson.Reason(e)})");
        }
    }

    private (bool, string?) DetachedSignature(ArchiveFile file, byte[] signature)
    {
        var signed = Read(file.Signs!);
        if (signed is null)
        {
            return (false, $"it signs {file.Signs}, which is not in the archive");
        }

        var result = DetachedSignatures.Verify(signed, signature, root);
        return result.IsValid
            ? (true, $"valid signature over {file.Signs} by {result.SignerSubject}")
            : (false, $"its signature over {file.Signs} is not valid — {result.Failure}");
    }

    // An extra check parses what it was given; a parse it did not expect to fail is still a plain failure.
    private string? Run(ArchiveFileCheck check, string path, byte[] content)
    {
        try
        {
            return check.Check(path, content, Read);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException
            or InvalidDataException or KeyNotFoundException or IndexOutOfRangeException or OverflowException)
        {
            return $"cannot be read for the check \"{check.Description}\" ({e.Message})";
        }
    }

    // Only files the manifest lists, and only as long as it says they are (and never more than the verifier reads).
    private byte[]? Read(string path) =>
        manifest.Files.FirstOrDefault(f => f.Path == path) is { } listed ? source.Read(path, Math.Min(listed.Size, limits.MaxFileBytes)) : null;

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";
}
