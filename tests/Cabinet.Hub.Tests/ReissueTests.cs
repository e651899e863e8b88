using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>A document re-issued: annotations follow their text to its new page, or are flagged — never lost.</summary>
public sealed class ReissueTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Sentence = "Tỉnh giao Sở Tài chính cân đối vốn đầu tư công năm 2027.";

    [Fact]
    public async Task Annotations_move_to_the_page_where_their_text_now_is_and_are_flagged_when_it_is_gone()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        await using var d1 = await fixture.ConnectAsync("daibieu1");
        string[] filler = ["Phần mở đầu của kế hoạch.", "Nội dung chung."];
        var v1 = SamplePdf.Create([Sentence, .. filler], ["Trang hai."], ["Trang ba."]);
        var v2 = SamplePdf.Create(["Trang một đã sửa."], ["Trang hai."], [.. filler, "Bổ sung: " + Sentence]);
        var v3 = SamplePdf.Create(["Trang một đã sửa."], ["Trang hai."], ["Nội dung đã thay thế hoàn toàn."]);
        var doc = (await secretary.UploadAsync(id, v1, "Kế hoạch vốn")).Document!.DocumentId;

        var quote = new TextQuote("Sở Tài chính cân đối vốn", "Tỉnh giao ", " đầu tư công");
        var highlight = await Add(d1, id, doc, new AnnotationInput(1, AnnotationKind.Highlight, new AnnotationAnchor(1, [new(0.2, 0.07, 0.3, 0.02)], quote), null, null, "#ffeb3b", true));
        var note = await Add(d1, id, doc, new AnnotationInput(1, AnnotationKind.Note, new AnnotationAnchor(1, [new(0.5, 0.08, 0.02, 0.02)], quote), "Hỏi lại số liệu", null, null, false));
        var free = await Add(d1, id, doc, new AnnotationInput(1, AnnotationKind.Note, new AnnotationAnchor(2, [new(0.5, 0.5, 0.02, 0.02)], null), "Trang hai giữ nguyên", null, null, false));
        Assert.True(highlight.Ok && note.Ok && free.Ok, $"{highlight.Error} {note.Error} {free.Error}");

        Assert.Equal(2, (await secretary.UploadAsync(id, v2, "Kế hoạch vốn (sửa đổi)", documentId: doc)).Document!.Versions.Length);
        var onV2 = await ListAsync(d1, id, doc);
        var movedHighlight = onV2.Single(a => a.AnnotationId == highlight.Value!.AnnotationId);
        Assert.Equal((2, 3, false), (movedHighlight.Version, movedHighlight.Anchor.Page, movedHighlight.NeedsAttention));
        Assert.NotEqual(highlight.Value!.Anchor.Rects, movedHighlight.Anchor.Rects);
        Assert.InRange(movedHighlight.Anchor.Rects[0].Y, 0.1, 0.2);
        var movedNote = onV2.Single(a => a.AnnotationId == note.Value!.AnnotationId);
        Assert.Equal((2, 3, false, "Hỏi lại số liệu"), (movedNote.Version, movedNote.Anchor.Page, movedNote.NeedsAttention, movedNote.Text));
        Assert.True(movedNote.Anchor.Rects[0].Y > note.Value!.Anchor.Rects[0].Y, "the note moved down with its text");
        var kept = onV2.Single(a => a.AnnotationId == free.Value!.AnnotationId);
        Assert.Equal((2, 2, false), (kept.Version, kept.Anchor.Page, kept.NeedsAttention));

        await secretary.UploadAsync(id, v3, "Kế hoạch vốn (thay thế)", documentId: doc);
        var onV3 = await ListAsync(d1, id, doc);
        Assert.Equal(3, onV3.Length);
        Assert.All(onV3.Where(a => a.Anchor.Quote is not null), a => Assert.Equal((2, true), (a.Version, a.NeedsAttention)));
        Assert.Equal((3, false), onV3.Where(a => a.AnnotationId == free.Value!.AnnotationId).Select(a => (a.Version, a.NeedsAttention)).Single());
    }

    private static Task<Result<AnnotationView>> Add(MeetingHubClient client, string meetingId, string documentId, AnnotationInput input) =>
        client.Connection.InvokeAsync<Result<AnnotationView>>(nameof(MeetingHub.AddAnnotation), meetingId, documentId, input);

    private static async Task<ImmutableArray<AnnotationView>> ListAsync(MeetingHubClient client, string meetingId, string documentId)
    {
        var listed = await client.ListAnnotationsAsync(meetingId, documentId);
        Assert.True(listed.Ok, listed.Error?.Code);
        return listed.Value;
    }
}
