using System.Diagnostics;
using System.Globalization;
using System.Net;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>Hostile PDFs uploaded to a real Cabinet: refused with their code, nothing stored, the server's memory barely moves.</summary>
public sealed class HostileUploadTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const long MaxPeakGrowthKiB = 300 * 1024;

    [Fact]
    public async Task Each_hostile_pdf_is_refused_with_its_code_nothing_is_stored_and_the_server_stays_small_and_healthy()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var version = (await chair.JoinAsync(id)).Value!.Version;
        var stored = StoredFiles();

        foreach (var (name, create, code) in HostilePdfs.All)
        {
            var bytes = create();
            var before = PeakRssKiB();
            var clock = Stopwatch.StartNew();

            var (status, document, error) = await secretary.UploadAsync(id, bytes, name);

            var growth = PeakRssKiB() - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} ({bytes.Length:N0} bytes): {(int)status} {error?.Code} in {clock.Elapsed.TotalSeconds:F2} s, server peak RSS +{growth / 1024.0:F1} MiB"));
            Assert.Null(document);
            Assert.Equal(code, error!.Code);
            Assert.Equal(code == "documents.too_complex" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.BadRequest, status);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            // VmHWM is kept by the kernel with per-thread counters synced lazily, so it may read a few KiB lower than before.
            Assert.True(growth <= MaxPeakGrowthKiB, $"peak RSS grew {growth} KiB (at most {MaxPeakGrowthKiB})");
        }

        Assert.Equal(stored, StoredFiles());
        var snapshot = (await chair.Connection.InvokeAsync<Cabinet.Errors.Result<Cabinet.Meetings.MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!;
        Assert.Equal(version, snapshot.Version);
        Assert.Empty(snapshot.Documents);

        // Still healthy, and the isolated reader still accepts a real document.
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        var good = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "tracemonkey.pdf"));
        var accepted = await secretary.UploadAsync(id, good, "Tài liệu thật");
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
        Assert.Equal(14, accepted.Document!.Versions.Single().Pages);
    }

    /// <summary>The server process's peak resident set (VmHWM): what the kernel had to give it at its worst.</summary>
    private long PeakRssKiB()
    {
        var line = File.ReadLines($"/proc/{fixture.Server.ProcessId}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private string[] StoredFiles()
    {
        var folder = Path.Combine(fixture.Server.Options.DataPath, "documents");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
