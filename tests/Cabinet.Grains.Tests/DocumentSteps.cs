using System.Collections.Immutable;
using System.Text.Json;
using Cabinet.Documents;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Grains.Tests;

/// <summary>Shared steps of the document tests: an upload as the intake records it (the bytes are not needed here), listing annotations.</summary>
internal static class DocumentSteps
{
    /// <summary>The hub's own JSON: what a page weighs on the wire.</summary>
    private static readonly JsonSerializerOptions HubLikeJson = HubOptions();

    public static DocumentUpload Upload(string title = "Báo cáo", string? documentId = null, string? itemId = "i1", bool classified = false, int pages = 5, char hash = 'a') =>
        new(documentId, title, itemId, DownloadAllowed: true, classified, new string(hash, 64), 1234, pages);

    public static async Task<(IMeetingGrain Meeting, string DocumentId)> MeetingWithDocumentAsync(ClusterFixture cluster, bool classified = false)
    {
        var meeting = await cluster.NewMeetingAsync();
        var added = await meeting.AddDocumentAsync(ClusterFixture.Secretary, Upload(classified: classified));
        Assert.True(added.Ok, added.Error?.Code);
        return (meeting, added.Value!.DocumentId);
    }

    /// <summary>
    /// Everything the actor sees, page by page, checking every page's bounds: at most the asked count, within the byte
    /// budget unless it is a single item, and a cursor exactly when more follow.
    /// </summary>
    public static async Task<ImmutableArray<AnnotationView>> ListAllAsync(this IAnnotationGrain annotations, Actor actor, int count = AnnotationPage.MaxItems)
    {
        var all = ImmutableArray.CreateBuilder<AnnotationView>();
        string? after = null;
        do
        {
            var page = await annotations.ListAsync(actor, after, count);
            Assert.True(page.Ok, page.Error?.Code);
            var items = page.Value!.Items;
            Assert.InRange(items.Length, page.Value.NextAfter is null ? 0 : 1, Math.Min(count, AnnotationPage.MaxItems));
            var bytes = JsonSerializer.SerializeToUtf8Bytes(page.Value, HubLikeJson).Length;
            Assert.True(items.Length == 1 || bytes <= AnnotationPage.MaxBytes + 64, $"a page of {items.Length} is {bytes} bytes");
            Assert.InRange(bytes, 0, AnnotationPage.MaxItemBytes + 64);
            Assert.Equal(page.Value.NextAfter is null ? null : items[^1].AnnotationId, page.Value.NextAfter);
            all.AddRange(items);
            after = page.Value.NextAfter;
        }
        while (after is not null);

        return all.ToImmutable();
    }

    private static JsonSerializerOptions HubOptions()
    {
        var options = new JsonSerializerOptions();
        Cabinet.Hub.HubJson.Configure(options);
        return options;
    }

    public static AnnotationInput Note(string text, bool shared = false, int page = 1) =>
        new(1, AnnotationKind.Note, new AnnotationAnchor(page, [new(0.1, 0.1, 0.02, 0.02)], null), text, null, null, shared);
}
