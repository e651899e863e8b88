using Cabinet.Documents;
using Cabinet.Meetings;

namespace Cabinet.Grains.Tests;

/// <summary>Shared steps of the document tests: an upload as the intake records it (the bytes are not needed here).</summary>
internal static class DocumentSteps
{
    public static DocumentUpload Upload(string title = "Báo cáo", string? documentId = null, string? itemId = "i1", bool classified = false, int pages = 5, char hash = 'a') =>
        new(documentId, title, itemId, DownloadAllowed: true, classified, new string(hash, 64), 1234, pages);

    public static async Task<(IMeetingGrain Meeting, string DocumentId)> MeetingWithDocumentAsync(ClusterFixture cluster, bool classified = false)
    {
        var meeting = await cluster.NewMeetingAsync();
        var added = await meeting.AddDocumentAsync(ClusterFixture.Secretary, Upload(classified: classified));
        Assert.True(added.Ok, added.Error?.Code);
        return (meeting, added.Value!.DocumentId);
    }

    public static AnnotationInput Note(string text, bool shared = false, int page = 1) =>
        new(1, AnnotationKind.Note, new AnnotationAnchor(page, [new(0.1, 0.1, 0.02, 0.02)], null), text, null, null, shared);
}
