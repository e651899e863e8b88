using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>Per-recipient copies: every page names the person and the copy id, the id resolves for the chair only, the stored file never changes.</summary>
public sealed partial class DocumentCopyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_downloaded_copy_names_its_person_on_every_page_and_its_id_resolves_for_the_chair_only()
    {
        await using var room = await Room.OpenAsync(fixture);
        var (chair, delegateHub, id, secretary, delegate1) = room;
        var original = await Pdf("ke-hoach-dich-vu-cong-truc-tuyen.pdf");
        var document = (await secretary.UploadAsync(id, original, "Kế hoạch dịch vụ công")).Document!;
        var sha256 = document.Versions[0].Sha256;
        var name = (await chair.ListParticipantsAsync(id)).Value!.Single(e => e.Participant.UserName == "daibieu1").Participant.DisplayName;

        Assert.Equal(HttpStatusCode.OK, (await delegate1.FetchAsync(id, document.DocumentId, 1)).Status);
        var download = await delegate1.FetchAsync(id, document.DocumentId, 1, download: true);

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal(original, download.Body[..original.Length]); // the copy is the stored file plus an update
        Assert.NotEqual(original.Length, download.Body.Length);
        var path = Path.Combine(fixture.Server.Options.DataPath, $"copy-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, download.Body);
        var copyId = CopyId().Match(Tool.Run("pdftotext", "-f", "1", "-l", "1", path, "-").Output).Groups[1].Value;
        Assert.Equal(CopyIds.Length, copyId.Length);
        for (var page = 1; page <= document.Versions[0].Pages; page++)
        {
            var text = Tool.Run("pdftotext", "-f", $"{page}", "-l", $"{page}", path, "-").Output;
            Assert.Contains(name, text);
            Assert.Contains(copyId, text);
        }

        var found = await chair.Connection.InvokeAsync<Result<DocumentAccessRecord>>(nameof(MeetingHub.LookUpCopy), id, copyId.ToLowerInvariant());
        Assert.True(found.Ok, found.Error?.Code);
        Assert.Equal(("daibieu1", name, document.DocumentId, 1, DocumentAccessKind.Downloaded), (found.Value!.UserName, found.Value.DisplayName, found.Value.DocumentId, found.Value.Version, found.Value.Kind));
        var refused = await delegateHub.Connection.InvokeAsync<Result<DocumentAccessRecord>>(nameof(MeetingHub.LookUpCopy), id, copyId);
        Assert.Equal(ErrorCodes.Forbidden.Code, refused.Error?.Code);
        var unknown = await chair.Connection.InvokeAsync<Result<DocumentAccessRecord>>(nameof(MeetingHub.LookUpCopy), id, Mistyped(copyId));
        Assert.Equal(ErrorCodes.CopyNotFound.Code, unknown.Error?.Code);

        var reading = await delegate1.FetchAsync(id, document.DocumentId, 1);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(reading.Body)));
        // The stored file is untouched by copies: still named by the plaintext's hash, and sealed at rest (never a bare PDF).
        var stored = Path.Combine(fixture.Server.Options.DataPath, "documents", sha256[..2], sha256);
        Assert.False((await File.ReadAllBytesAsync(stored)).AsSpan().StartsWith("%PDF-"u8), "the stored document is encrypted at rest");
    }

    [Fact]
    public async Task The_access_log_lists_openings_downloads_and_prints_for_the_chair_and_refuses_a_delegate()
    {
        await using var room = await Room.OpenAsync(fixture);
        var (chair, delegateHub, id, secretary, delegate1) = room;
        var bytes = await Pdf("alphatrans.pdf");
        var open = (await secretary.UploadAsync(id, bytes, "Được tải về")).Document!;
        var viewOnly = (await secretary.UploadAsync(id, bytes, "Chỉ xem", downloadAllowed: false)).Document!;

        Assert.Equal(HttpStatusCode.OK, (await delegate1.FetchAsync(id, open.DocumentId, 1)).Status);
        Assert.Equal(HttpStatusCode.OK, (await delegate1.FetchAsync(id, open.DocumentId, 1, print: true)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegate1.FetchAsync(id, viewOnly.DocumentId, 1, print: true)).Status);
        Assert.Equal(HttpStatusCode.OK, (await delegate1.FetchAsync(id, open.DocumentId, 1, download: true)).Status);

        var log = await Eventually(async () =>
            (await chair.Connection.InvokeAsync<Result<DocumentAccessPage>>(nameof(MeetingHub.GetAccessLog), id, null, 50)).Value!,
            page => page.Entries.Length >= 3);
        Assert.Equal([DocumentAccessKind.Downloaded, DocumentAccessKind.Printed, DocumentAccessKind.Opened], log.Entries.Select(e => e.Kind));
        Assert.All(log.Entries, e => Assert.Equal(("daibieu1", open.DocumentId), (e.UserName, e.DocumentId)));
        Assert.Null(log.Entries[2].CopyId);
        Assert.NotEqual(log.Entries[0].CopyId, log.Entries[1].CopyId);

        var older = await chair.Connection.InvokeAsync<Result<DocumentAccessPage>>(nameof(MeetingHub.GetAccessLog), id, log.Entries[1].Sequence, 50);
        Assert.Equal([DocumentAccessKind.Opened], older.Value!.Entries.Select(e => e.Kind));
        var refused = await delegateHub.Connection.InvokeAsync<Result<DocumentAccessPage>>(nameof(MeetingHub.GetAccessLog), id, null, 50);
        Assert.Equal(ErrorCodes.Forbidden.Code, refused.Error?.Code);
    }

    [Fact]
    public async Task The_screen_watermark_is_set_by_those_who_prepare_and_recorded_in_the_ledger()
    {
        await using var room = await Room.OpenAsync(fixture);
        var (chair, delegateHub, id) = (room.Chair, room.DelegateHub, room.MeetingId);
        var document = (await room.Secretary.UploadAsync(id, await Pdf("alphatrans.pdf"), "Tài liệu")).Document!;

        Assert.Equal(ErrorCodes.Forbidden.Code, (await delegateHub.InvokeAsync(nameof(MeetingHub.SetScreenWatermark), id, document.DocumentId, true)).Error?.Code);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.SetScreenWatermark), id, document.DocumentId, true)).Ok);

        var snapshot = (await delegateHub.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!;
        Assert.True(snapshot.Documents.Single().ScreenWatermark);
        var ledger = (await chair.Connection.InvokeAsync<Result<LedgerPage>>(nameof(MeetingHub.GetLedgerPage), id, 1L, 100)).Value!;
        Assert.Contains(ledger.Entries, e => e.Detail.Contains("screenWatermark\":true", StringComparison.OrdinalIgnoreCase));
    }

    private static Task<byte[]> Pdf(string name) => File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", name));

    /// <summary>
    /// A new meeting of the fixture's server: the chair's and daibieu1's hub connections, and the secretary's and
    /// daibieu1's HTTP clients for uploads and file fetches.
    /// </summary>
    private sealed record Room(MeetingHubClient Chair, MeetingHubClient DelegateHub, string MeetingId, DocumentUploads Secretary, DocumentUploads Delegate1)
        : IAsyncDisposable
    {
        public static async Task<Room> OpenAsync(ServerFixture fixture)
        {
            var chair = await fixture.ConnectAsync("chutich");
            return new Room(chair, await fixture.ConnectAsync("daibieu1"), await ServerFixture.NewMeetingAsync(chair),
                await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky"), await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "daibieu1"));
        }

        public async ValueTask DisposeAsync()
        {
            Secretary.Dispose();
            Delegate1.Dispose();
            await DelegateHub.DisposeAsync();
            await Chair.DisposeAsync();
        }
    }

    /// <summary>The same id with its random check changed: it names the same log entry, so it must still not resolve.</summary>
    private static string Mistyped(string copyId)
    {
        Assert.True(CopyIds.TryParse(copyId, out var sequence, out var check));
        return CopyIds.Format(sequence, check ^ 1);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 50 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    [GeneratedRegex("Mã bản sao ([0-9A-Z]{8})")]
    private static partial Regex CopyId();
}
