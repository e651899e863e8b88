using Cabinet.Documents.Anchoring;
using Cabinet.Documents.Annotations;
using static Cabinet.Documents.Tests.TextPages;

namespace Cabinet.Documents.Tests;

/// <summary>Moving annotations to a new version: by quote, by unchanged page, or not at all (then flagged, never dropped).</summary>
public sealed class ReanchoringTests
{
    private const string Sentence = "Giao Sở Tài chính thẩm định dự toán";
    private static readonly PageQuote Quote = new("thẩm định", "Giao Sở Tài chính ", " dự toán");

    [Fact]
    public void A_highlight_follows_its_quote_to_another_page_with_the_new_glyph_boxes()
    {
        var v1 = Document([Sentence], ["Phụ lục"]);
        var v2 = Document(["Mục lục"], ["Phụ lục"], ["Căn cứ Luật Ngân sách", Sentence]);

        var moved = Reanchoring.Move(Highlight(page: 1), v1, v2);

        Assert.NotNull(moved);
        Assert.Equal(3, moved.Page);
        var rect = Assert.Single(moved.Rects);
        var start = Sentence.IndexOf("thẩm", StringComparison.Ordinal);
        Assert.Equal(0.05 + start * LetterWidth, rect.X, 9);
        Assert.Equal(0.15, rect.Y, 9); // the second line of page 3
        Assert.Equal("thẩm định".Length * LetterWidth, rect.Width, 9);
    }

    [Fact]
    public void Whitespace_and_line_breaks_do_not_hide_a_quote()
    {
        var v2 = Document(["Giao Sở Tài chính thẩm", "định    dự toán"]);

        var moved = Reanchoring.Move(Highlight(page: 1), Document([Sentence]), v2);

        Assert.NotNull(moved);
        Assert.Equal(2, moved.Rects.Count); // one rectangle per line, as a selection looks
    }

    [Fact]
    public void The_occurrence_whose_context_matches_wins_over_the_nearer_page()
    {
        var v2 = Document(["Đề nghị thẩm định lại"], ["Phụ lục"], [Sentence]);

        Assert.Equal(3, Reanchoring.Move(Highlight(page: 1), Document([Sentence]), v2)!.Page);
    }

    [Fact]
    public void With_equal_context_the_page_nearest_the_old_one_wins()
    {
        var v2 = Document([Sentence], ["Phụ lục"], ["Phụ lục"], [Sentence]);

        Assert.Equal(4, Reanchoring.Move(Highlight(page: 4), Document(["a"], ["b"], ["c"], [Sentence]), v2)!.Page);
    }

    [Fact]
    public void A_note_moves_by_as_much_as_its_quote_moved()
    {
        var v1 = Document([Sentence]);
        var v2 = Document(["Mục lục"], ["", "", Sentence]);
        var note = new AnnotationShape(ShapeKind.Note, 1, [new PageRect(0.5, 0.1, 0.02, 0.02)], Quote, "Cần số liệu 2026", null, null);

        var moved = Reanchoring.Move(note, v1, v2);

        Assert.NotNull(moved);
        Assert.Equal(2, moved.Page);
        var rect = Assert.Single(moved.Rects);
        Assert.Equal(0.5, rect.X, 9);
        Assert.Equal(0.1 + 2 * 0.05, rect.Y, 9); // two lines further down
    }

    [Fact]
    public void Without_a_quote_an_annotation_stays_on_an_unchanged_page_and_is_flagged_on_a_changed_one()
    {
        var ink = new AnnotationShape(ShapeKind.Ink, 2, [], null, null, [[0.1, 0.1, 0.2, 0.2]], null);
        var v1 = Document(["Trang một"], ["Sơ đồ tổ chức"]);

        Assert.Equal(2, Reanchoring.Move(ink, v1, Document(["Trang một đã sửa"], ["Sơ  đồ tổ chức"]))!.Page);
        Assert.Null(Reanchoring.Move(ink, v1, Document(["Trang một"], ["Sơ đồ bộ máy"])));
        Assert.Null(Reanchoring.Move(ink, v1, Document(["Trang một"])));
    }

    [Fact]
    public void A_quote_that_is_gone_leaves_the_annotation_where_it_was()
    {
        Assert.Null(Reanchoring.Move(Highlight(page: 1), Document([Sentence]), Document(["Giao Sở Tài chính rà soát dự toán"])));
    }

    private static AnnotationShape Highlight(int page) =>
        new(ShapeKind.Highlight, page, [new PageRect(0.2, 0.1, 0.09, 0.02)], Quote, null, null, "#ffeb3b");
}
