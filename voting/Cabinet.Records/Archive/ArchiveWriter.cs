using System.IO.Compression;
using System.Security.Cryptography;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Chains;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Archive;

/// <summary>
/// Seals a closed meeting into one ZIP: minutes.pdf, ledger.jsonl, documents.json with every version's bytes under
/// documents/&lt;sha256&gt;, access-summary.json (the access log counted), polls/&lt;id&gt;/… (signed result, ballot
/// chain, a named poll's ballot evidence), for an opinion ballot opinion/report.json and opinion/answers.jsonl, and
/// manifest.json (every file's SHA-256 and size) with its detached CMS signature manifest.p7s.
/// </summary>
public static class ArchiveWriter
{
    public static async Task<byte[]> WriteAsync(SealedMeeting meeting, IDocumentSigner signer, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        await WriteAsync(output, meeting, signer, cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }

    public static async Task WriteAsync(Stream output, SealedMeeting meeting, IDocumentSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(signer);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ArchivePaths.Minutes] = meeting.MinutesPdf,
            [ArchivePaths.Ledger] = LedgerJsonLines.Write(meeting.Ledger),
            [ArchivePaths.Documents] = CanonicalJson.Serialize(meeting.Documents),
        };
        if (meeting.Access is { } access)
        {
            files[ArchivePaths.AccessSummary] = CanonicalJson.Serialize(access);
        }

        if (meeting.Opinion is { } opinion)
        {
            files[ArchivePaths.OpinionReport] = CanonicalJson.Serialize(opinion.Report);
            files[ArchivePaths.OpinionAnswers] = OpinionAnswerEvidence.Lines(opinion.Answers);
        }

        foreach (var document in meeting.Documents.Where(d => d.Withheld is null))
        {
            var bytes = meeting.DocumentFiles.GetValueOrDefault(document.Sha256)
                ?? throw new ArgumentException($"The bytes of \"{document.Title}\" version {document.Version} are missing.", nameof(meeting));
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The bytes of \"{document.Title}\" version {document.Version} do not match its SHA-256.", nameof(meeting));
            }

            files[ArchivePaths.Document(document.Sha256)] = bytes;
        }

        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var poll in meeting.Polls)
        {
            await AddPollAsync(files, signatures, poll, signer, cancellationToken).ConfigureAwait(false);
        }

        var manifest = new ArchiveManifest(ArchiveManifest.CurrentFormat, meeting.Organisation, meeting.MeetingId, meeting.MeetingTitle,
            meeting.ClosedAt, meeting.Ledger.Count, meeting.Ledger.Count > 0 ? meeting.Ledger[^1].Hash : HashChain.Genesis,
            [.. files.Select(f => new ArchiveFile(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)), f.Value.Length,
                signatures.GetValueOrDefault(f.Key)))], meeting.OrganisationId,
            meeting.Opinion is null ? null : ArchiveManifest.OpinionKind, meeting.Signatories.Count > 0 ? meeting.Signatories : null);
        var manifestJson = CanonicalJson.Serialize(manifest);
        var manifestSignature = await signer.SignAsync(manifestJson, CmsProfile.Cades, cancellationToken).ConfigureAwait(false);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ArchiveManifest.FileName, manifestJson, meeting.ClosedAt);
        Add(zip, ArchiveManifest.SignatureFileName, manifestSignature, meeting.ClosedAt);
        foreach (var (path, content) in files)
        {
            Add(zip, path, content, meeting.ClosedAt);
        }
    }

    private static async Task AddPollAsync(SortedDictionary<string, byte[]> files, Dictionary<string, string> signatures, ArchivePoll poll,
        IDocumentSigner signer, CancellationToken cancellationToken)
    {
        if (!ArchivePaths.IsSafeSegment(poll.PollId))
        {
            throw new ArgumentException($"Poll id '{poll.PollId}' cannot be used as a folder name in the archive.", nameof(poll));
        }

        var result = ArchivePaths.PollFile(poll.PollId, "result.json");
        var signature = ArchivePaths.PollFile(poll.PollId, "result.p7s");
        files.Add(result, poll.ResultJson);
        files.Add(signature, poll.ResultSignature
            ?? await signer.SignAsync(poll.ResultJson, CmsProfile.Cades, cancellationToken).ConfigureAwait(false));
        signatures[signature] = result;
        foreach (var (name, content) in poll.Files)
        {
            if (!ArchivePaths.IsSafeSegment(name) || name is "result.json" or "result.p7s")
            {
                throw new ArgumentException($"'{name}' cannot be stored beside poll {poll.PollId}'s result.", nameof(poll));
            }

            files.Add(ArchivePaths.PollFile(poll.PollId, name), content);
        }
    }

    private static void Add(ZipArchive zip, string path, byte[] content, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
