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
        Assert.Contains("manifest.json: chữ ký hợp lệ, do CN=UBND xã Tân Phú", text);
        Assert.Contains("ledger.jsonl: ", text);
        Assert.Contains("12 mục, chuỗi băm còn nguyên vẹn", text);
        Assert.Contains("2 chữ ký PDF hợp lệ", text);
        Assert.Contains("polls/poll-1/result.p7s: ", text);
        Assert.Contains("chữ ký cho polls/poll-1/result.json hợp lệ", text);
        Assert.Contains("every ballot line is JSON", text);
        Assert.Equal("Hồ sơ còn nguyên vẹn.", report.Lines[^1]);
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
        Assert.StartsWith("minutes.pdf: chữ ký Signature1 (", failure);
        Assert.Contains("tệp khác với bảng kê đã niêm phong", failure);
    }

    [Fact]
    public async Task A_dropped_ledger_line_is_named()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) => path == "ledger.jsonl" ? Lines(content, l => l.RemoveAt(6)) : content);
        Assert.StartsWith("ledger.jsonl: mục 8 nằm ở vị trí của mục 7 (tệp khác với bảng kê đã niêm phong: ", Verify(archive).Failure);
    }

    [Fact]
    public async Task An_edited_ledger_entry_is_named()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) =>
            path == "ledger.jsonl" ? Lines(content, l => l[4] = l[4].Replace("GrantFloor", "RevokeFloor", StringComparison.Ordinal)) : content);
        Assert.StartsWith("ledger.jsonl: mục 5 — nội dung không khớp với mã băm (tệp khác với bảng kê đã niêm phong: ", Verify(archive).Failure);
    }

    [Fact]
    public async Task Two_reordered_ledger_lines_are_named()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) =>
            path == "ledger.jsonl" ? Lines(content, l => (l[2], l[3]) = (l[3], l[2])) : content);
        Assert.StartsWith("ledger.jsonl: mục 4 nằm ở vị trí của mục 3 (tệp khác với bảng kê đã niêm phong: ", Verify(archive).Failure);
    }

    [Fact]
    public async Task An_edited_manifest_breaks_its_signature()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) =>
            path == "manifest.json" ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("\"ledgerEntries\":12", "\"ledgerEntries\":11", StringComparison.Ordinal)) : content);
        Assert.StartsWith("manifest.json: chữ ký (manifest.p7s) không hợp lệ — chữ ký không khớp với nội dung", Verify(archive).Failure);
    }

    [Fact]
    public async Task An_added_file_is_refused()
    {
        var archive = ZipRewriter.Rewrite(await ArchiveAsync(), (_, content) => content, ("polls/poll-1/extra-ballot.jsonl", "{}"u8.ToArray()));
        Assert.Equal("polls/poll-1/extra-ballot.jsonl: thiếu trong bảng kê (manifest) — không được thêm tệp vào hồ sơ đã niêm phong", Verify(archive).Failure);
    }

    [Fact]
    public async Task A_removed_file_and_a_bad_extra_file_are_named()
    {
        var removed = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) => path == "polls/poll-1/result.p7s" ? null : content);
        Assert.Equal("polls/poll-1/result.p7s: có trong bảng kê nhưng không có trong hồ sơ", Verify(removed).Failure);

        var badBallots = ZipRewriter.Rewrite(await ArchiveAsync(), (path, content) => path.EndsWith("ballots.jsonl", StringComparison.Ordinal) ? "{}\nnot json\n"u8.ToArray() : content);
        Assert.StartsWith("polls/poll-1/ballots.jsonl: ballot line 2 is not JSON (tệp khác với bảng kê đã niêm phong: ", Verify(badBallots).Failure);
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
        Assert.Contains("đường dẫn không an toàn", report.Failure);
        Assert.Contains(path, report.Failure);
    }

    [Fact]
    public void Empty_and_non_zip_files_are_refused_plainly()
    {
        Assert.Equal("tệp rỗng: không phải hồ sơ lưu trữ Cabinet", Verify([]).Failure);
        Assert.StartsWith("tệp không phải tệp ZIP đọc được", Verify(Encoding.UTF8.GetBytes(new string('x', 5000))).Failure);
        Assert.StartsWith("tệp không phải tệp ZIP đọc được", Verify(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096)).Failure);
    }

    [Fact]
    public async Task An_unpacked_folder_verifies_too()
    {
        var folder = certificates.NewPath("unpacked");
        await ZipFile.ExtractToDirectoryAsync(new MemoryStream(await ArchiveAsync()), folder, TestContext.Current.CancellationToken);
        var report = ArchiveVerifier.VerifyFolder(folder, certificates.Authority.RootCertificate, [SampleArchive.BallotsAreJsonLines]);
        Assert.True(report.IsValid, report.Failure);

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "added later");
        Assert.StartsWith("notes.txt: thiếu trong bảng kê (manifest)", ArchiveVerifier.VerifyFolder(folder, certificates.Authority.RootCertificate).Failure);
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
