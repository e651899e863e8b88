using System.Net;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>The pages are read in a child process under the configured heap limit: over it, the upload is refused and the server lives on.</summary>
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
}
