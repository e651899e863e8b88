using System.IO.Compression;
using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Tests.Support;

namespace Cabinet.Records.Tests.Archive;

public sealed class ArchiveVerifierTests(CertificatesFixture certificates)
{
    private static readonly SemaphoreSlim _gate = new(1, 1);
    private static byte[]? _archive;

    [Fact]
    public async Task The_untouched_archive_passes_every_check()
    {
        var report = Verify(await ArchiveAsync());
        Assert.True(report.IsValid, string.Join("\n", report.Lines));
        var text = string.Join("\n", report.Lines);
        var reportPath = certificates.NewPath("report.txt");
        File.WriteAllText(reportPath, text);
        Artifacts.Keep(reportPath, "archive-report.txt");
        Assert.Contains("manifest.json: signature valid, signed by CN=UBND xã Tân Phú", text);
        Assert.Contains("ledger.jsonl: ", text);
        Assert.Contains("12 entries, hash chain intact", text);
        Assert.Contains("2 PDF signature(s) valid", text);
        Assert.Contains("polls/poll-1/result.p7s: ", text);
        Assert.Contains("valid signature over polls/poll-1/result.json", text);
        Assert.Contains("every ballot line is JSON", text);
        Assert.Equal("The archive is intact.", report.Lines[^1]);
    }

    [Fact]
    public async Task One_byte_changed_in_the_minutes_names_the_minutes_and_the_broken_signature()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) =>
        {
            if (path == "minutes.pdf")
            {
                content[Encoding.ASCII.GetString(content).IndexOf("/Creator", StringComparison.Ordinal) + 2] ^= 0x01;
            }

            return content;
        });
        var failure = Verify(archive).Failure;
        Assert.StartsWith("minutes.pdf: signature Signature1 (", failure);
        Assert.Contains("the file differs from the sealed manifest", failure);
    }

    [Fact]
    public async Task A_dropped_ledger_line_is_named()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) => path == "ledger.jsonl" ? Lines(content, l => l.RemoveAt(6)) : content);
        Assert.StartsWith("ledger.jsonl: entry 8 stands where entry 7 should (the file differs from the sealed manifest: ", Verify(archive).Failure);
    }

    [Fact]
    public async Task An_edited_ledger_entry_is_named()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) =>
            path == "ledger.jsonl" ? Lines(content, l => l[4] = l[4].Replace("GrantFloor", "RevokeFloor", StringComparison.Ordinal)) : content);
        Assert.StartsWith("ledger.jsonl: entry 5 — its content does not match its hash (the file differs from the sealed manifest: ", Verify(archive).Failure);
    }

    [Fact]
    public async Task Two_reordered_ledger_lines_are_named()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) =>
            path == "ledger.jsonl" ? Lines(content, l => (l[2], l[3]) = (l[3], l[2])) : content);
        Assert.StartsWith("ledger.jsonl: entry 4 stands where entry 3 should (the file differs from the sealed manifest: ", Verify(archive).Failure);
    }

    [Fact]
    public async Task An_edited_manifest_breaks_its_signature()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) =>
            path == "manifest.json" ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("\"ledgerEntries\":12", "\"ledgerEntries\":11", StringComparison.Ordinal)) : content);
        Assert.StartsWith("manifest.json: its signature (manifest.p7s) is not valid — the signature does not match the content", Verify(archive).Failure);
    }

    [Fact]
    public async Task An_added_file_is_refused()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (_, content) => content, ("polls/poll-1/extra-ballot.jsonl", "{}"u8.ToArray()));
        Assert.Equal("polls/poll-1/extra-ballot.jsonl: not listed in the manifest — nothing may be added to a sealed archive", Verify(archive).Failure);
    }

    [Fact]
    public async Task A_removed_file_and_a_bad_extra_file_are_named()
    {
        var removed = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) => path == "polls/poll-1/result.p7s" ? null : content);
        Assert.Equal("polls/poll-1/result.p7s: listed in the manifest but missing from the archive", Verify(removed).Failure);

        var badBallots = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) => path.EndsWith("ballots.jsonl", StringComparison.Ordinal) ? "{}\nnot json\n"u8.ToArray() : content);
        Assert.StartsWith("polls/poll-1/ballots.jsonl: ballot line 2 is not JSON (the file differs from the sealed manifest: ", Verify(badBallots).Failure);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("/etc/evil.txt")]
    [InlineData("polls/../../evil.txt")]
    [InlineData("polls\\..\\evil.txt")]
    [InlineData("C:/evil.txt")]
    public async Task Entries_with_unsafe_paths_are_refused_before_anything_is_read(string path)
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (_, content) => content, (path, "x"u8.ToArray()));
        var report = Verify(archive);
        Assert.False(report.IsValid);
        Assert.Contains("unsafe path", report.Failure);
        Assert.Contains(path, report.Failure);
    }

    [Fact]
    public void Empty_and_non_zip_files_are_refused_plainly()
    {
        Assert.Equal("the file is empty: it is not a Cabinet archive", Verify([]).Failure);
        Assert.StartsWith("the file is not a readable ZIP archive", Verify(Encoding.UTF8.GetBytes(new string('x', 5000))).Failure);
        Assert.StartsWith("the file is not a readable ZIP archive", Verify(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096)).Failure);
    }

    [Fact]
    public async Task An_unpacked_folder_verifies_too()
    {
        var folder = certificates.NewPath("unpacked");
        await ZipFile.ExtractToDirectoryAsync(new MemoryStream(await ArchiveAsync()), folder, TestContext.Current.CancellationToken);
        var report = ArchiveVerifier.VerifyFolder(folder, certificates.Authority.RootCertificate, [SampleArchive.BallotsAreJsonLines]);
        Assert.True(report.IsValid, report.Failure);

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "added later");
        Assert.StartsWith("notes.txt: not listed in the manifest", ArchiveVerifier.VerifyFolder(folder, certificates.Authority.RootCertificate).Failure);
    }

    private ArchiveVerificationReport Verify(byte[] archive) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), certificates.Authority.RootCertificate, [SampleArchive.BallotsAreJsonLines]);

    private async Task<byte[]> ArchiveAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _archive ??= await SampleArchive.CreateAsync(certificates);
            return (byte[])_archive.Clone();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static byte[] Lines(byte[] content, Action<List<string>> change)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        change(lines);
        return Encoding.UTF8.GetBytes(string.Join("", lines.Select(l => l + "\n")));
    }
}
