using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>Annotations over the real hub: bounds, author-only changes, other meetings refused, shared ones pushed live.</summary>
public sealed class AnnotationTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private static readonly TextQuote Quote = new("Trace-based", "", " Just-in-Time");

    [Fact]
    public async Task A_shared_annotation_reaches_the_other_delegate_live_and_a_private_one_never_does()
    {
        var (id, doc) = await MeetingWithDocumentAsync();
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var d2 = await fixture.ConnectAsync("daibieu2");
        await d1.JoinAsync(id);
        await d2.JoinAsync(id);
        var pushed = new ConcurrentQueue<(AnnotationChange Change, long At)>();
        d2.Connection.On<AnnotationChange>(nameof(IMeetingClient.AnnotationChanged), c => pushed.Enqueue((c, Stopwatch.GetTimestamp())));

        var secret = await Add(d1, id, doc, Note("chỉ mình tôi", shared: false));
        var started = Stopwatch.GetTimestamp();
        var shared = await Add(d1, id, doc, Note("<script>alert(1)</script> xem lại số liệu", shared: true));
        Assert.True(secret.Ok && shared.Ok, $"{secret.Error} {shared.Error}");

        var arrived = await WaitAsync(pushed, c => c.Change.AnnotationId == shared.Value!.AnnotationId);
        output.WriteLine($"shared annotation add -> AnnotationChanged at the other delegate: {Stopwatch.GetElapsedTime(started, arrived.At).TotalMilliseconds:F1} ms");
        Assert.Equal("<script>alert(1)</script> xem lại số liệu", arrived.Change.Shared!.Text);
        Assert.Equal("daibieu1", arrived.Change.Shared.Author);

        var listed = (await d2.ListAnnotationsAsync(id, doc)).Value;
        Assert.Equal([shared.Value!.AnnotationId], listed.Select(a => a.AnnotationId));
        Assert.Equal(2, (await d1.ListAnnotationsAsync(id, doc)).Value.Length);

        var unshared = await d1.Connection.InvokeAsync<Result<AnnotationView>>(nameof(MeetingHub.ShareAnnotation), id, doc, shared.Value.AnnotationId, false);
        Assert.True(unshared.Ok);
        await WaitAsync(pushed, c => c.Change.AnnotationId == shared.Value.AnnotationId && c.Change.Shared is null);
        await Task.Delay(300);
        Assert.DoesNotContain(pushed, c => c.Change.AnnotationId == secret.Value!.AnnotationId);
    }

    [Fact]
    public async Task A_shared_annotation_never_reaches_a_connection_that_may_not_read_the_document()
    {
        var (id, doc) = await MeetingWithDocumentAsync();
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var d2 = await fixture.ConnectAsync("daibieu2");
        await using var uninvited = await fixture.ConnectAsync("vanthu"); // a member of the organisation, not invited
        foreach (var client in new[] { chair, d1, d2 })
        {
            Assert.True((await client.JoinAsync(id)).Ok, client.UserName);
        }

        // Not invited: cannot join the room, read the document, or list its annotations.
        Assert.Equal("auth.forbidden", (await uninvited.JoinAsync(id)).Error!.Code);
        Assert.Equal("auth.forbidden", (await uninvited.Connection.InvokeAsync<Result<DocumentAccess>>(nameof(MeetingHub.GetDocumentAccess), id, doc)).Error!.Code);
        var toReader = new ConcurrentQueue<AnnotationChange>();
        var toUninvited = new ConcurrentQueue<AnnotationChange>();
        d2.Connection.On<AnnotationChange>(nameof(IMeetingClient.AnnotationChanged), toReader.Enqueue);
        uninvited.Connection.On<AnnotationChange>(nameof(IMeetingClient.AnnotationChanged), toUninvited.Enqueue);

        var shared = await Add(d1, id, doc, Note("số liệu trang 1 cần xem lại", shared: true));
        Assert.True(shared.Ok, shared.Error?.Code);
        await WaitAsync(toReader, c => c.AnnotationId == shared.Value!.AnnotationId);

        // A later event through the same host's feed reaches d2: anything sent to the uninvited connection before it would have arrived too.
        var later = await chair.InvokeAsync(nameof(MeetingHub.UpdateMeetingDetails), id, new MeetingDetails("Phiên họp kiểm thử (sửa)", "Phòng họp 2", DateTimeOffset.UtcNow));
        Assert.True(later.Ok, later.Error?.Code);
        await WaitUntilAsync(() => d2.Snapshot?.Version >= later.Version);
        Assert.Empty(toUninvited);
    }

    [Fact]
    public async Task Bad_annotations_other_peoples_ids_and_other_meetings_documents_are_refused_and_nothing_changes()
    {
        var (id, doc) = await MeetingWithDocumentAsync();
        var (otherMeeting, _) = await MeetingWithDocumentAsync();
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var d2 = await fixture.ConnectAsync("daibieu2");
        await using var outsider = await fixture.ConnectAsync("daibieu3");
        var mine = (await Add(d1, id, doc, Note("ghi chú", shared: true))).Value!;

        Assert.Equal("annotations.invalid", (await Add(d1, id, doc, Note(new string('x', 2001), shared: false))).Error!.Code);
        Assert.Equal("annotations.invalid", (await Add(d1, id, doc, Note("bell \u0007", shared: false))).Error!.Code);
        Assert.Equal("annotations.invalid", (await Add(d1, id, doc, Ink(5001))).Error!.Code);
        Assert.True((await Add(d1, id, doc, Ink(5000))).Ok);
        Assert.Equal("annotations.invalid", (await Add(d1, id, doc, Note("trang 99", shared: false) with { Anchor = new AnnotationAnchor(99, [new(0.1, 0.1, 0.01, 0.01)], null) })).Error!.Code);
        Assert.Equal("annotations.invalid", (await Add(d1, id, doc, Note("ngoài trang", shared: false) with { Anchor = new AnnotationAnchor(1, [new(0.9, 0.1, 0.5, 0.01)], null) })).Error!.Code);
        Assert.Equal("annotations.invalid", (await Add(d1, id, doc, Note("màu lạ", shared: false) with { Color = "red;background:url(x)" })).Error!.Code);

        var stolen = await d2.Connection.InvokeAsync<Result<AnnotationView>>(nameof(MeetingHub.UpdateAnnotation), id, doc, mine.AnnotationId, Note("sửa trộm", shared: true));
        Assert.Equal("annotations.not_yours", stolen.Error!.Code);
        Assert.Equal("annotations.not_yours", (await d2.InvokeAsync(nameof(MeetingHub.DeleteAnnotation), id, doc, mine.AnnotationId)).Error!.Code);
        Assert.Equal("annotations.not_found", (await d1.InvokeAsync(nameof(MeetingHub.DeleteAnnotation), id, doc, "a999")).Error!.Code);
        Assert.Equal("auth.forbidden", (await Add(outsider, id, doc, Note("không được mời", shared: false))).Error!.Code);

        // The other meeting has a second document, d2; asked for through this meeting it does not exist.
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var second = (await secretary.UploadAsync(otherMeeting, await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "sizes.pdf")), "Thứ hai")).Document!;
        Assert.Equal("d2", second.DocumentId);
        Assert.Equal("documents.not_found", (await Add(d1, id, second.DocumentId, Note("tài liệu cuộc họp khác", false))).Error!.Code);
        using var reader = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "daibieu1");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.FetchAsync(id, second.DocumentId, 1)).Status);

        var listed = (await d1.ListAnnotationsAsync(id, doc)).Value;
        Assert.Equal(2, listed.Length);
        Assert.Equal("ghi chú", listed.Single(a => a.AnnotationId == mine.AnnotationId).Text);
    }

    [Fact]
    public async Task More_than_a_page_of_annotations_arrives_over_several_pages_each_once()
    {
        var (id, doc) = await MeetingWithDocumentAsync();
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        await using var d2 = await fixture.ConnectAsync("daibieu2");
        var added = new List<string>();
        for (var i = 0; i < 230; i++)
        {
            // Some long Vietnamese notes (about 12 KB each as sent) so that pages also end on their byte budget.
            var text = i % 25 == 0 ? new string('ữ', 2000) : $"ghi chú số {i}";
            var result = await Add(d1, id, doc, Note(text, shared: i % 5 == 0));
            Assert.True(result.Ok, result.Error?.Code);
            added.Add(result.Value!.AnnotationId);
        }

        var pages = new List<AnnotationPage>();
        var mine = await d1.ListAnnotationsAsync(id, doc, count: 1000, pages: pages);

        Assert.Equal(added, mine.Value.Select(a => a.AnnotationId));
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.InRange(p.Items.Length, 1, AnnotationPage.MaxItems));
        var options = new System.Text.Json.JsonSerializerOptions();
        HubJson.Configure(options);
        Assert.All(pages, p => Assert.InRange(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(p, options).Length, 1, AnnotationPage.MaxItemBytes + 64));
        Assert.Equal(added.Where((_, i) => i % 5 == 0), (await d2.ListAnnotationsAsync(id, doc, count: 9)).Value.Select(a => a.AnnotationId));
        var bad = await d1.Connection.InvokeAsync<Result<AnnotationPage>>(nameof(MeetingHub.ListAnnotations), id, doc, "x", 10);
        Assert.Equal("input.invalid", bad.Error?.Code);
    }

    private async Task<(string MeetingId, string DocumentId)> MeetingWithDocumentAsync()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var upload = await secretary.UploadAsync(id, await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "tracemonkey.pdf")), "TraceMonkey");
        Assert.True(upload.Document is not null, upload.Error?.Code);
        return (id, upload.Document!.DocumentId);
    }

    private static AnnotationInput Note(string text, bool shared) =>
        new(1, AnnotationKind.Note, new AnnotationAnchor(1, [new(0.2, 0.1, 0.02, 0.02)], Quote), text, null, "#ffeb3b", shared);

    private static AnnotationInput Ink(int points) =>
        new(1, AnnotationKind.Ink, new AnnotationAnchor(1, [], null), null,
            [[.. Enumerable.Range(0, points).SelectMany(i => new[] { (i % 100) / 100.0, 0.5 })]], "#212121", false);

    private static Task<Result<AnnotationView>> Add(MeetingHubClient client, string meetingId, string documentId, AnnotationInput input) =>
        client.Connection.InvokeAsync<Result<AnnotationView>>(nameof(MeetingHub.AddAnnotation), meetingId, documentId, input);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !condition(); await Task.Delay(5))
        {
            Assert.True(DateTime.UtcNow < deadline, "The event did not arrive.");
        }
    }

    private static async Task<T> WaitAsync<T>(ConcurrentQueue<T> queue, Func<T, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (queue.FirstOrDefault(match) is { } found && !EqualityComparer<T>.Default.Equals(found, default))
            {
                return found;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("The push did not arrive.");
    }
}
