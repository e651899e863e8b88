using System.Globalization;
using System.Net;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// The pages are read in a child process under the configured heap limit and deadline: whatever the reader does
/// (runs out of heap, overflows its stack, hangs) the upload is refused and the server lives on.
/// </summary>
public sealed class IsolatedReaderTests
{
    [Fact]
    public async Task A_document_needing_more_than_the_readers_heap_limit_is_refused_as_too_complex_and_the_server_lives_on()
    {
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments = [$"--Cabinet:Documents:MaxInspectionMemoryBytes={8 * 1024 * 1024}"],
        });
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(server.BaseAddress, "thuky");
        var version = (await chair.JoinAsync(id)).Value!.Version;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "tracemonkey.pdf"));

        var (status, document, error) = await secretary.UploadAsync(id, bytes, "Cần nhiều bộ nhớ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Null(document);
        Assert.Equal("documents.too_complex", error!.Code);
        Assert.Contains("8 MB", error.Message, StringComparison.Ordinal);
        Assert.Equal(version, (await chair.Connection.InvokeAsync<Cabinet.Errors.Result<Cabinet.Meetings.MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.Version);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("stack-overflow", 20, "lồng nhau")]
    [InlineData("hang", 2, "giây")]
    public async Task A_reader_that_overflows_its_stack_or_hangs_costs_a_child_not_the_server(string fault, int seconds, string said)
    {
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments = [$"--Cabinet:FaultInjection:InspectPdf={fault}", $"--Cabinet:Documents:MaxInspectionSeconds={seconds}"],
        });
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(server.BaseAddress, "thuky");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "alphatrans.pdf"));

        var (status, _, error) = await secretary.UploadAsync(id, bytes, "Trình đọc gặp sự cố");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("documents.too_complex", error!.Code);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Empty(InspectingChildrenOf(server.ProcessId));
    }

    /// <summary>Child processes of the server still running inspect-pdf (a killed one is gone).</summary>
    private static List<int> InspectingChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("inspect-pdf", StringComparison.Ordinal))
                {
                    children.Add(int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // not a process, or it ended while being read
            }
        }

        return children;
    }
}
