using System.IO.Compression;
using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;

namespace Cabinet.Records.Tests.Archive;

/// <summary>Each input that once crashed or hung the verifier (and with it the host or the verify command) now ends in a report.</summary>
public sealed class HostileArchiveTests(CertificatesFixture certificates)
{
    [Fact]
    public async Task The_chained_sample_archive_is_valid_under_the_production_checks()
    {
        var report = Verify(await ChainedSampleArchive.GetAsync(certificates));
        Assert.True(report.IsValid, string.Join("\n", report.Lines));
        Assert.Contains(report.Lines, l => l.Contains("chuỗi phiếu của cuộc biểu quyết khớp với kết quả đã ký", StringComparison.Ordinal));
        Assert.Contains(report.Lines, l => l.Contains("4 phiên bản tài liệu được liệt kê, 3 phiên bản lưu trong documents/, 1 không lưu (tài liệu mật hoặc không cho tải: chỉ có mã băm)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_result_without_chainHead_is_named()
    {
        var archive = await ResealedAsync("polls/poll-1/result.json", """{"poll":"poll-1","ballotCount":3}""");
        // The result is checked before the ballots checked against it, so the changed file is the one named.
        var report = Verify(archive);
        Assert.Equal("polls/poll-1/result.json: không phải kết quả biểu quyết Cabinet (thiếu \"meetingId\")", report.Failure);
        Assert.Equal(VerdictCodes.ResultInvalid, report.Code);
        var withoutHead = Encoding.UTF8.GetString(NamedPoll.Create().Result.ToCanonicalBytes()).Replace(",\"chainHead\":", ",\"x\":", StringComparison.Ordinal);
        Assert.Equal("polls/poll-1/result.json: không phải kết quả biểu quyết Cabinet (thiếu \"chainHead\")", Verify(await ResealedAsync("polls/poll-1/result.json", withoutHead)).Failure);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"chainHead\":")]
    [InlineData("[]")]
    [InlineData("{\"chainHead\":\"x\",\"chainHead\":\"y\",\"ballotCount\":3}")]
    [InlineData("{\"chainHead\":7,\"ballotCount\":3}")]
    [InlineData("{\"chainHead\":\"x\",\"ballotCount\":\"3\"}")]
    public async Task A_result_that_is_not_the_expected_json_is_named(string result)
    {
        var failure = Verify(await ResealedAsync("polls/poll-1/result.json", result)).Failure;
        Assert.StartsWith("polls/poll-1/result.json: không phải kết quả biểu quyết Cabinet (", failure);
    }

    [Fact]
    public async Task A_result_nested_thousands_deep_is_named_without_a_stack_overflow()
    {
        var deep = "{\"chainHead\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        Assert.StartsWith("polls/poll-1/result.json: không phải kết quả biểu quyết Cabinet (", Verify(await ResealedAsync("polls/poll-1/result.json", deep)).Failure);
    }

    [Fact]
    public async Task Minutes_with_a_self_referencing_length_are_unreadable_not_a_crash()
    {
        var failure = Verify(WithMinutes(await ChainedSampleArchive.GetAsync(certificates), HostilePdf.SelfReferencingLength())).Failure;
        Assert.StartsWith("minutes.pdf: không đọc được tệp PDF (Đối tượng 1 tham chiếu vòng lại chính nó", failure);
    }

    [Fact]
    public async Task Minutes_with_a_cycle_of_lengths_are_unreadable()
    {
        var failure = Verify(await ResealedAsync("minutes.pdf", HostilePdf.LengthCycle())).Failure;
        Assert.Contains("tham chiếu vòng lại chính nó", failure);
        Assert.StartsWith("minutes.pdf: không đọc được tệp PDF", failure);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Minutes_nested_thousands_deep_are_unreadable_not_a_stack_overflow(bool dictionaries)
    {
        // Sealed again: the verifier reads no more of a file than the manifest's size for it.
        var failure = Verify(await ResealedAsync("minutes.pdf", HostilePdf.DeepNesting(200_000, dictionaries))).Failure;
        Assert.StartsWith("minutes.pdf: không đọc được tệp PDF (PDF sai cấu trúc: giá trị lồng nhau sâu hơn 100 cấp", failure);
    }

    [Fact]
    public async Task Minutes_whose_xref_stream_lacks_W_are_unreadable()
    {
        var pdf = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(XrefStreamPdf.Create()).Replace("/W[1 4 2]", "/X[1 4 2]", StringComparison.Ordinal));
        var failure = Verify(WithMinutes(await ChainedSampleArchive.GetAsync(certificates), pdf)).Failure;
        Assert.StartsWith("minutes.pdf: không đọc được tệp PDF (Luồng tham chiếu chéo không có /W hợp lệ.)", failure);
    }

    [Theory]
    [InlineData("\"ledgerEntries\":4", "\"ledgerEntries\":\"4\"")]
    [InlineData("\"ledgerEntries\":4", "\"ledgerEntries\":4,\"ledgerEntries\":5")]
    [InlineData("\"format\":\"cabinet-archive/2\",", "")]
    [InlineData("\"files\":[", "\"files\":[null,")]
    [InlineData("\"organisation\":", "\"organisation\":null,\"x\":")]
    public async Task A_signed_manifest_of_the_wrong_shape_is_named(string find, string replace)
    {
        var archive = ArchiveResealer.Reseal(await ChainedSampleArchive.GetAsync(certificates), certificates.Organisation, new Dictionary<string, byte[]>(),
            json => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace(find, replace, StringComparison.Ordinal)));
        Assert.StartsWith("manifest.json: ", Verify(archive).Failure);
    }

    [Fact]
    public async Task A_ledger_line_with_a_duplicate_key_or_a_wrong_type_is_named()
    {
        var archive = await ChainedSampleArchive.GetAsync(certificates);
        var ledger = Encoding.UTF8.GetString(ArchiveResealer.Entries(archive)["ledger.jsonl"]);
        var duplicate = ledger.Replace("{\"sequence\":3,", "{\"sequence\":3,\"sequence\":3,", StringComparison.Ordinal);
        Assert.Equal("ledger.jsonl: dòng 3 không phải một mục nhật ký", Verify(await ResealedAsync("ledger.jsonl", duplicate)).Failure);
        var wrongType = ledger.Replace("{\"sequence\":4,", "{\"sequence\":\"4\",", StringComparison.Ordinal);
        Assert.Equal("ledger.jsonl: dòng 4 không phải một mục nhật ký", Verify(await ResealedAsync("ledger.jsonl", wrongType)).Failure);
    }

    [Fact]
    public async Task A_fifo_named_manifest_json_is_refused_unopened_in_folder_mode()
    {
        var folder = certificates.NewPath("fifo");
        await ZipFile.ExtractToDirectoryAsync(new MemoryStream(await ChainedSampleArchive.GetAsync(certificates)), folder, TestContext.Current.CancellationToken);
        File.Delete(Path.Combine(folder, "manifest.json"));
        Assert.Equal(0, Tool.Run("/usr/bin/mkfifo", Path.Combine(folder, "manifest.json")).ExitCode);

        var report = await Task.Run(() => ArchiveVerifier.VerifyFolder(folder, certificates.Authority.RootCertificate, ArchiveVerification()))
            .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal("'manifest.json' không phải tệp thường (pipe, thiết bị hoặc socket); từ chối thư mục hồ sơ", report.Failure);

        var asPath = await Task.Run(() => ArchiveVerifier.VerifyPath(Path.Combine(folder, "manifest.json"), certificates.Authority.RootCertificate))
            .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.EndsWith("không phải tệp thường hay thư mục (không tồn tại, hoặc là pipe, socket, thiết bị); không đọc gì", asPath.Failure);
    }

    [Fact]
    public async Task A_link_or_a_folder_named_manifest_json_is_a_failure()
    {
        var folder = certificates.NewPath("link");
        await ZipFile.ExtractToDirectoryAsync(new MemoryStream(await ChainedSampleArchive.GetAsync(certificates)), folder, TestContext.Current.CancellationToken);
        var manifest = Path.Combine(folder, "manifest.json");
        File.Move(manifest, Path.Combine(folder, "..", Path.GetFileName(folder) + "-manifest.json"));
        File.CreateSymbolicLink(manifest, "/dev/zero");
        Assert.Equal("'manifest.json' là liên kết (link); từ chối thư mục hồ sơ", ArchiveVerifier.VerifyFolder(folder, certificates.Authority.RootCertificate).Failure);

        File.Delete(manifest);
        Directory.CreateDirectory(manifest);
        Assert.Equal("manifest.json: bị thiếu, nên không thể tin cậy nội dung nào của hồ sơ", ArchiveVerifier.VerifyFolder(folder, certificates.Authority.RootCertificate).Failure);
    }

    [Fact]
    public async Task The_time_budget_stops_a_check_with_a_report()
    {
        using var expired = new CancellationTokenSource();
        await expired.CancelAsync();
        var report = ArchiveVerifier.Verify(new MemoryStream(await ChainedSampleArchive.GetAsync(certificates)), certificates.Authority.RootCertificate,
            ArchiveVerification(), cancellationToken: expired.Token);
        Assert.EndsWith("không đọc xong — việc kiểm tra vượt quá thời gian cho phép nên đã dừng", report.Failure);
    }

    [Fact]
    public async Task A_file_larger_than_the_limits_is_named_not_read()
    {
        var report = ArchiveVerifier.Verify(new MemoryStream(await ChainedSampleArchive.GetAsync(certificates)), certificates.Authority.RootCertificate,
            ArchiveVerification(), new ArchiveLimits { MaxFileBytes = 1000 });
        Assert.StartsWith("manifest.json: ghi ", report.Failure);
        Assert.Contains("ngoài giới hạn trình kiểm tra đọc (0 đến 1000)", report.Failure);
    }

    private static IReadOnlyList<ArchiveFileCheck> ArchiveVerification() => BallotChainCheck.All;

    private ArchiveVerificationReport Verify(byte[] archive) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), certificates.Authority.RootCertificate, ArchiveVerification());

    private async Task<byte[]> ResealedAsync(string path, string content) => await ResealedAsync(path, Encoding.UTF8.GetBytes(content));

    private async Task<byte[]> ResealedAsync(string path, byte[] content) =>
        ArchiveResealer.Reseal(await ChainedSampleArchive.GetAsync(certificates), certificates.Organisation, new Dictionary<string, byte[]> { [path] = content });

    private static byte[] WithMinutes(byte[] archive, byte[] minutes) =>
        ZipRewriter.Rewrite(archive, (path, content) => path == "minutes.pdf" ? minutes : content);
}
