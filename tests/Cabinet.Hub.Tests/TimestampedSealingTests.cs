using System.Net;
using Cabinet.Errors;
using Microsoft.AspNetCore.SignalR.Client;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Sealing with a timestamp authority configured: while it is down the meeting stays unsealed (nothing stored, retried),
/// a person's signature is refused with seal.timestamp_unavailable and changes nothing; once it is back the secretary, the
/// chair and the seal sign, each with its timestamp token, and the minutes reach PAdES-B-LTA.
/// </summary>
public sealed class TimestampedSealingTests
{
    [Fact]
    public async Task A_tsa_outage_holds_the_seal_back_and_once_it_is_back_the_minutes_are_timestamped_to_b_lta()
    {
        await using var tsa = TimestampAuthority.Start("cabinet", "tsa-secret");
        var passwordFile = Path.Combine(RepositoryPaths.NewTempFolder("tsa-secret"), "password");
        await File.WriteAllTextAsync(passwordFile, "tsa-secret\n", TestContext.Current.CancellationToken);
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments =
            [
                $"--Cabinet:Signing:TimestampUrl={tsa.Url}", "--Cabinet:Signing:TimestampUser=cabinet",
                $"--Cabinet:Signing:TimestampPasswordFile={passwordFile}",
            ],
        });

        tsa.Down = true;
        var id = await ClosingFlow.HoldAndCloseAsync(server);
        await using (var secretary = await MeetingHubClient.ConnectAsync(server.BaseAddress, "thuky"))
        {
            Assert.True((await secretary.JoinAsync(id)).Ok);
            await secretary.WaitForAsync(s => s.Minutes is not null, TimeSpan.FromSeconds(60));
            using var device = await MinutesSigner.RegisterAsync(secretary);
            var refused = await device.SignAsync(id);
            Assert.Equal("seal.timestamp_unavailable", refused.Error?.Code); // an answer, and nothing signed
            Assert.True(tsa.Refused > 0, "signing never asked the timestamp authority");
            var after = (await secretary.Connection.InvokeAsync<Result<Meetings.MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id, TestContext.Current.CancellationToken)).Value!;
            Assert.Empty(after.Minutes!.Signatures);
        }

        using (var http = await ClosingFlow.ClientAsync(server, "thuky"))
        {
            var archive = await http.GetAsync(new Uri($"/api/meetings/{id}/archive.zip", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, archive.StatusCode);
        }

        Assert.Contains("seal.timestamp_unavailable", server.Output, StringComparison.Ordinal);
        tsa.Down = false;
        var snapshot = await ClosingFlow.WaitForArchiveAsync(server, id);
        Assert.NotNull(snapshot.Archive);
        Assert.True(tsa.Answered >= 5, $"{tsa.Answered} timestamps"); // secretary, chair, seal, the document, the archive manifest

        var folder = RepositoryPaths.NewTempFolder("lta-minutes");
        var minutes = Path.Combine(folder, "minutes.pdf");
        var bytes = await ClosingFlow.DownloadAsync(server, "daibieu1", $"/api/meetings/{id}/minutes.pdf");
        await File.WriteAllBytesAsync(minutes, bytes, TestContext.Current.CancellationToken);
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllBytesAsync(root, await ClosingFlow.DownloadAsync(server, "thuky", "/api/pki/root.pem"), TestContext.Current.CancellationToken);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(Path.Combine(folder, "nss"), root, tsa.RootPemPath), minutes);
        var report = new System.Text.StringBuilder("$ pdfsig minutes.pdf\n").Append(pdfsig.Output);
        // The people named and the organisation, each valid and trusted; then poppler lists the document timestamp.
        Assert.Equal(3, pdfsig.Output.Split("Signature Validation: Signature is Valid.").Length - 1);
        Assert.Equal(3, pdfsig.Output.Split("Certificate Validation: Certificate is Trusted.").Length - 1);
        Assert.Contains("Signature Field Name: ThuKy", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Signature Field Name: ChuToa", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Signature Field Name: CoQuan", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Signer Certificate Common Name: Cabinet Test TSA", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Total document signed", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("/DSS", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);

        // Each CMS signature (not the document timestamp, which is a token itself) carries its RFC 3161 token.
        var dumped = Tool.Run("sh", "-c", $"cd '{folder}' && pdfsig -dump minutes.pdf");
        Assert.True(dumped.ExitCode == 0, dumped.Output);
        var signatures = Directory.GetFiles(folder, "minutes.pdf.sig*").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, signatures.Count);
        foreach (var signature in signatures.Take(3))
        {
            var printed = Tool.Run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", signature);
            Assert.Contains("id-smime-aa-timeStampToken", printed.Output, StringComparison.Ordinal);
            var at = Math.Max(0, printed.Output.IndexOf("unsignedAttrs", StringComparison.Ordinal));
            report.Append($"\n$ openssl cms -cmsout -print -inform DER -in {Path.GetFileName(signature)}  (unsigned attributes, first lines)\n")
                .Append(printed.Output.AsSpan(at, Math.Min(600, printed.Output.Length - at))).Append("\n  …\n");
        }

        // Cabinet's own verifier takes the B-LTA minutes inside the archive and on their own.
        var zip = Path.Combine(folder, "archive.zip");
        await File.WriteAllBytesAsync(zip, await ClosingFlow.DownloadAsync(server, "daibieu2", $"/api/meetings/{id}/archive.zip"), TestContext.Current.CancellationToken);
        var verified = ClosingFlow.Verify(zip, root);
        Assert.True(verified.ExitCode == 0, verified.Output);

        // The TSA has its own root: without --tsa-root its timestamps are shown but not counted (certificates judged now);
        // with it they count, and the line names the TSA and its root.
        Assert.Contains("manifest.json: chữ ký hợp lệ", verified.Output, StringComparison.Ordinal);
        Assert.Contains("CN=Cabinet Test TSA, O=Cabinet Test TSA, C=VN", verified.Output, StringComparison.Ordinal);
        Assert.Contains("không được tính vì TSA không thuộc mốc tin cậy nào (--tsa-root): thời điểm kiểm tra", verified.Output, StringComparison.Ordinal);
        var counted = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", zip, "--root", root, "--tsa-root", tsa.RootPemPath);
        Assert.True(counted.ExitCode == 0, counted.Output);
        Assert.Contains("Mốc tin cậy của TSA (--tsa-root): CN=Cabinet Test TSA Root", counted.Output, StringComparison.Ordinal);
        Assert.Contains("CN=Cabinet Test TSA, O=Cabinet Test TSA, C=VN", counted.Output, StringComparison.Ordinal);
        Assert.Contains(", được tính, mốc tin cậy CN=Cabinet Test TSA Root", counted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("không được tính", counted.Output, StringComparison.Ordinal);
        var countedInEnglish = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", minutes, "--root", root, "--tsa-root", tsa.RootPemPath, "--lang", "en");
        Assert.True(countedInEnglish.ExitCode == 0, countedInEnglish.Output);
        Assert.Contains(", counted, root CN=Cabinet Test TSA Root", countedInEnglish.Output, StringComparison.Ordinal);
        Assert.Contains("(counted, root CN=Cabinet Test TSA Root", countedInEnglish.Output, StringComparison.Ordinal); // the document timestamp
        var standalone = ClosingFlow.Verify(minutes, root);
        Assert.True(standalone.ExitCode == 0, standalone.Output);
        report.Append("\n$ Cabinet.Web verify minutes.pdf --root root.pem\n").Append(standalone.Output);

        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName, "pdfsig-minutes-lta.txt"),
            report.ToString(), TestContext.Current.CancellationToken);
    }
}
