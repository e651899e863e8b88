using System.Net;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Sealing with a timestamp authority configured: while it is down the meeting stays unsealed (nothing stored, retried),
/// once it is back the minutes reach PAdES-B-LTA and pdfsig trusts both signatures.
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
        for (var i = 0; i < 300 && tsa.Refused == 0; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(tsa.Refused > 0, "sealing never asked the timestamp authority");
        using (var http = await ClosingFlow.ClientAsync(server, "thuky"))
        {
            var archive = await http.GetAsync(new Uri($"/api/meetings/{id}/archive.zip", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, archive.StatusCode);
        }

        Assert.Contains("seal.timestamp_unavailable", server.Output, StringComparison.Ordinal);
        tsa.Down = false;
        var snapshot = await ClosingFlow.WaitForArchiveAsync(server, id);
        Assert.NotNull(snapshot.Archive);
        Assert.True(tsa.Answered >= 4, $"{tsa.Answered} timestamps"); // two signatures, the document, the archive manifest

        var folder = RepositoryPaths.NewTempFolder("lta-minutes");
        var minutes = Path.Combine(folder, "minutes.pdf");
        await File.WriteAllBytesAsync(minutes, await ClosingFlow.DownloadAsync(server, "daibieu1", $"/api/meetings/{id}/minutes.pdf"),
            TestContext.Current.CancellationToken);
        var root = Path.Combine(folder, "root.pem");
        await File.WriteAllBytesAsync(root, await ClosingFlow.DownloadAsync(server, "thuky", "/api/pki/root.pem"), TestContext.Current.CancellationToken);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(Path.Combine(folder, "nss"), root, tsa.RootPemPath), minutes);
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName, "pdfsig-minutes-lta.txt"),
            pdfsig.Output, TestContext.Current.CancellationToken);
        Assert.Equal(2, pdfsig.Output.Split("Signature Validation: Signature is Valid.").Length - 1);
        Assert.Equal(2, pdfsig.Output.Split("Certificate Validation: Certificate is Trusted.").Length - 1);
        Assert.Contains("Signer Certificate Common Name: Cabinet Test TSA", pdfsig.Output, StringComparison.Ordinal);
        Assert.Contains("Total document signed", pdfsig.Output, StringComparison.Ordinal);
    }
}
