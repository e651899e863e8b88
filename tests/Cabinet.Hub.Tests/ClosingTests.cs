using System.IO.Compression;
using System.Text;
using Cabinet.Errors;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>Closing a meeting: signed minutes, sealed archive, independent verification, bad input, a crash midway.</summary>
public sealed class ClosingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_sealed_archive_carries_minutes_signed_by_the_secretary_the_chair_and_the_organisation_and_verifies_with_pdfsig_openssl_and_the_verify_command()
    {
        var id = await ClosingFlow.HoldAndCloseAsync(fixture.Server);
        var snapshot = await ClosingFlow.WaitForArchiveAsync(fixture.Server, id);
        var folder = RepositoryPaths.NewTempFolder("archive");
        var zip = Path.Combine(folder, "archive.zip");
        await File.WriteAllBytesAsync(zip, await ClosingFlow.DownloadAsync(fixture.Server, "daibieu2", $"/api/meetings/{id}/archive.zip"));
        var minutes = Path.Combine(folder, "minutes.pdf");
        await File.WriteAllBytesAsync(minutes, await ClosingFlow.DownloadAsync(fixture.Server, "daibieu1", $"/api/meetings/{id}/minutes.pdf"));
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllBytesAsync(root, await ClosingFlow.DownloadAsync(fixture.Server, "thuky", "/api/pki/root.pem"));
        ZipFile.ExtractToDirectory(zip, Path.Combine(folder, "unpacked"));

        var pdfsig = Tool.Run("pdfsig", minutes);
        // Kept for the people reading the run: test.sh prints what pdfsig said about real minutes.
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName, "pdfsig-minutes.txt"),
            pdfsig.Output, TestContext.Current.CancellationToken);
        Assert.Equal(3, pdfsig.Output.Split("Signature is Valid.").Length - 1);
        var manifest = Tool.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "unpacked", "manifest.p7s"),
            "-content", Path.Combine(folder, "unpacked", "manifest.json"), "-CAfile", root, "-purpose", "any", "-out", "/dev/null");
        Assert.True(manifest.ExitCode == 0, manifest.Output);
        var text = Tool.Run("pdftotext", minutes, "-").Output;
        Assert.Contains("BIÊN BẢN", text, StringComparison.Ordinal);
        Assert.Contains("Giao Sở Tài chính hoàn thiện số liệu", text, StringComparison.Ordinal);
        Assert.Contains("Thông qua báo cáo", text, StringComparison.Ordinal);
        Assert.Contains("Ý kiến phát biểu", text, StringComparison.Ordinal);
        Assert.Contains(ClosingFlow.DocumentTitle, text, StringComparison.Ordinal);
        var documents = await File.ReadAllTextAsync(Path.Combine(folder, "unpacked", "documents.json"), TestContext.Current.CancellationToken);
        Assert.Contains(ClosingFlow.DocumentTitle, documents, StringComparison.Ordinal);
        Assert.Matches("[0-9a-f]{64}", documents);

        // The archive is evidence: the document's bytes, each named ballot as its device signed it, the owner's id.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "unpacked", "documents")));
        Assert.Equal(3, File.ReadAllLines(Directory.GetFiles(Path.Combine(folder, "unpacked", "polls"), "ballot-evidence.jsonl", SearchOption.AllDirectories).Single()).Length);
        Assert.Contains("\"organisationId\":", await File.ReadAllTextAsync(Path.Combine(folder, "unpacked", "manifest.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var verified = ClosingFlow.Verify(zip, root);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("HỢP LỆ: mọi kiểm tra đều đạt.", verified.Output, StringComparison.Ordinal);
        Assert.Contains("chữ ký thiết bị của từng phiếu đã được kiểm tra", verified.Output, StringComparison.Ordinal);
        Assert.Contains("kiểm đếm lại theo quy tắc trong kết quả đã ký", verified.Output, StringComparison.Ordinal);
        Assert.Equal(0, ClosingFlow.Verify(Path.Combine(folder, "unpacked"), root).ExitCode);
        Assert.Equal(snapshot.Archive!.ManifestSha256,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "unpacked", "manifest.json")))));
    }

    [Theory]
    [InlineData("minutes.pdf")]
    [InlineData("ledger.jsonl")]
    [InlineData("ballots.jsonl")]
    [InlineData("ballot-evidence.jsonl")]
    [InlineData("result.json")]
    [InlineData("manifest.json")]
    public async Task The_verify_command_names_the_tampered_file(string culprit)
    {
        var id = await ClosingFlow.HoldAndCloseAsync(fixture.Server);
        await ClosingFlow.WaitForArchiveAsync(fixture.Server, id);
        var folder = RepositoryPaths.NewTempFolder("tamper");
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllBytesAsync(root, await ClosingFlow.DownloadAsync(fixture.Server, "thuky", "/api/pki/root.pem"));
        var unpacked = Path.Combine(folder, "unpacked");
        ZipFile.ExtractToDirectory(new MemoryStream(await ClosingFlow.DownloadAsync(fixture.Server, "thuky", $"/api/meetings/{id}/archive.zip")), unpacked);
        var path = Directory.GetFiles(unpacked, culprit, SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(path);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tampered = culprit switch
        {
            "minutes.pdf" => Flip(bytes, bytes.Length / 3),
            "ledger.jsonl" => Encoding.UTF8.GetBytes(string.Join('\n', lines.Where((_, i) => i != 2)) + "\n"),
            "ballots.jsonl" or "ballot-evidence.jsonl" => Encoding.UTF8.GetBytes(string.Join('\n', [lines[1], lines[0], .. lines.Skip(2)]) + "\n"),
            "result.json" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"ballotCount\":3", "\"ballotCount\":2", StringComparison.Ordinal)),
            _ => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"meetingTitle\":\"", "\"meetingTitle\":\"X", StringComparison.Ordinal)),
        };
        await File.WriteAllBytesAsync(path, tampered);
        var zip = Path.Combine(folder, "tampered.zip");
        ZipFile.CreateFromDirectory(unpacked, zip);

        foreach (var target in new[] { zip, unpacked })
        {
            var result = ClosingFlow.Verify(target, root);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("KHÔNG HỢP LỆ", result.Output, StringComparison.Ordinal);
            Assert.Contains(culprit == "manifest.json" ? "manifest" : culprit, result.Output.Split("KHÔNG HỢP LỆ")[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Closing_is_refused_to_others_and_twice_and_bad_archives_are_refused_clearly()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var delegate1 = await fixture.ConnectAsync("daibieu1");
        var id = await ServerFixture.NewMeetingAsync(chair);
        Assert.Equal(ErrorCodes.IllegalTransition.Code, (await chair.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Error!.Code);
        await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await delegate1.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Error!.Code);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Ok);
        Assert.Equal(ErrorCodes.MeetingClosed.Code, (await chair.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Error!.Code);

        var folder = RepositoryPaths.NewTempFolder("bad-archives");
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllBytesAsync(root, await ClosingFlow.DownloadAsync(fixture.Server, "thuky", "/api/pki/root.pem"));
        var empty = Path.Combine(folder, "empty.zip");
        await File.WriteAllBytesAsync(empty, []);
        var random = Path.Combine(folder, "random.zip");
        await File.WriteAllBytesAsync(random, System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096));
        var traversal = Path.Combine(folder, "traversal.zip");
        using (var archive = ZipFile.Open(traversal, ZipArchiveMode.Create))
        {
            await using var entry = archive.CreateEntry("../evil.txt").Open();
            await entry.WriteAsync("pwned"u8.ToArray());
        }

        foreach (var bad in new[] { empty, random, traversal })
        {
            var result = ClosingFlow.Verify(bad, root);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("KHÔNG HỢP LỆ", result.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(folder)!, "evil.txt")));
        Assert.False(File.Exists(Path.Combine(folder, "evil.txt")));
        Assert.Equal(2, ClosingFlow.Verify(Path.Combine(folder, "missing.zip"), root).ExitCode);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x20;
        return copy;
    }
}
