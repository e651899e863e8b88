using System.Diagnostics;
using System.Net;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>Uploads and fetches over real HTTP: the content decides, refusals store nothing, only participants read.</summary>
public sealed class DocumentUploadTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private static string Pdf(string name) => Path.Combine(RepositoryPaths.Fixtures, "pdfs", name);

    [Fact]
    public async Task Every_bad_fixture_is_refused_with_its_code_and_nothing_is_stored()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var expected = new Dictionary<string, string>
        {
            ["empty.pdf"] = "documents.empty",
            ["html-named.pdf"] = "documents.not_pdf",
            ["image-named.pdf"] = "documents.not_pdf",
            ["garbage-after-header.pdf"] = "documents.damaged",
            ["truncated.pdf"] = "documents.damaged",
        };
        var bad = Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, "bad"));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), bad.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var version = (await chair.JoinAsync(id)).Value!.Version;
        var stored = StoredFiles();

        foreach (var path in bad)
        {
            var (status, document, error) = await secretary.UploadAsync(id, await File.ReadAllBytesAsync(path), "Tài liệu lỗi");

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Null(document);
            Assert.Equal(expected[Path.GetFileName(path)], error!.Code);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        Assert.Equal(stored, StoredFiles());
        var snapshot = (await chair.Connection.InvokeAsync<Cabinet.Errors.Result<Cabinet.Meetings.MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!;
        Assert.Equal(version, snapshot.Version);
        Assert.Empty(snapshot.Documents);
    }

    [Fact]
    public async Task Every_fixture_pdf_is_accepted_and_served_back_byte_for_byte_to_participants()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        using var delegate1 = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "daibieu1");

        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, "pdfs")).Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(path);
            var clock = Stopwatch.StartNew();
            var (status, document, error) = await secretary.UploadAsync(id, bytes, Path.GetFileNameWithoutExtension(path), itemId: "i1");
            output.WriteLine($"upload + check of {Path.GetFileName(path)} ({bytes.Length:N0} bytes): {clock.ElapsedMilliseconds} ms");

            Assert.True(status == HttpStatusCode.Created, $"{Path.GetFileName(path)}: {status} {error}");
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), document!.Versions.Single().Sha256);
            var fetched = await delegate1.FetchAsync(id, document.DocumentId, 1);
            Assert.Equal(HttpStatusCode.OK, fetched.Status);
            Assert.Equal("application/pdf", fetched.Response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(bytes, fetched.Body);
            Assert.Equal($"\"{document.Versions[0].Sha256}\"", fetched.Response.Headers.ETag!.Tag);
        }
    }

    [Fact]
    public async Task Fetches_are_authorized_participants_only_classified_never_download_only_when_allowed()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        var other = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        using var delegate1 = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "daibieu1");
        using var outsider = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "daibieu3");
        var bytes = await File.ReadAllBytesAsync(Pdf("alphatrans.pdf"));
        var viewOnly = (await secretary.UploadAsync(id, bytes, "Chỉ xem", downloadAllowed: false)).Document!;
        var secret = (await secretary.UploadAsync(id, bytes, "Tài liệu mật", classified: true)).Document!;

        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.FetchAsync(id, viewOnly.DocumentId, 1)).Status);
        Assert.Equal(HttpStatusCode.OK, (await delegate1.FetchAsync(id, viewOnly.DocumentId, 1)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegate1.FetchAsync(id, viewOnly.DocumentId, 1, download: true)).Status);
        Assert.Equal(HttpStatusCode.OK, (await secretary.FetchAsync(id, viewOnly.DocumentId, 1, download: true)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.FetchAsync(id, secret.DocumentId, 1)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await delegate1.FetchAsync(other, viewOnly.DocumentId, 1)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await delegate1.FetchAsync(id, viewOnly.DocumentId, 2)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegate1.UploadAsync(id, bytes, "Đại biểu tải lên")).Status);
    }

    [Fact]
    public async Task A_file_just_over_the_limit_is_refused_as_too_large_and_nothing_is_stored()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var version = (await chair.JoinAsync(id)).Value!.Version;
        var stored = StoredFiles();
        // Inside the request's envelope allowance, so the intake's own bound is what refuses it.
        var content = new byte[50L * 1024 * 1024 + 100 * 1024];
        "%PDF-1.7\n"u8.CopyTo(content);

        var (status, document, error) = await secretary.UploadAsync(id, content, "Tài liệu quá lớn");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Null(document);
        Assert.Equal("documents.too_large", error!.Code);
        Assert.Equal(stored, StoredFiles());
        Assert.Equal(version, (await chair.Connection.InvokeAsync<Cabinet.Errors.Result<Cabinet.Meetings.MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.Version);
    }

    private string[] StoredFiles()
    {
        var folder = Path.Combine(fixture.Server.Options.DataPath, "documents");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
