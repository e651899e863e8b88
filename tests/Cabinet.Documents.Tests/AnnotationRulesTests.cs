using Cabinet.Documents.Annotations;

namespace Cabinet.Documents.Tests;

/// <summary>The bounds of an annotation, with the configured limits.</summary>
public sealed class AnnotationRulesTests
{
    private static readonly DocumentLimits Limits = new() { MaxNoteChars = 2000, MaxInkPoints = 5000, MaxAnnotationsPerPersonPerDocument = 3 };
    private static readonly PageRect Spot = new(0.4, 0.4, 0.02, 0.02);

    [Fact]
    public void Well_formed_annotations_pass()
    {
        Assert.Null(AnnotationRules.Check(Note("Đề nghị bổ sung số liệu\nquý IV"), 5, Limits));
        Assert.Null(AnnotationRules.Check(Note("<script>alert(1)</script>"), 5, Limits)); // kept as text; shown as text
        Assert.Null(AnnotationRules.Check(new AnnotationShape(ShapeKind.Highlight, 5, [Spot], new PageQuote("dự toán", "", ""), null, null, "#2196f3"), 5, Limits));
        Assert.Null(AnnotationRules.Check(Ink(2500), 5, Limits));
    }

    public static TheoryData<string, AnnotationShape> Refused() => new()
    {
        { "page past the end", Note("x") with { Page = 6 } },
        { "page zero", Note("x") with { Page = 0 } },
        { "empty note", Note("  ") },
        { "note of 2001 characters", Note(new string('a', 2001)) },
        { "control character", Note("xin\u0007chào") },
        { "rect outside the page", Note("x") with { Rects = [new PageRect(0.99, 0.5, 0.05, 0.01)] } },
        { "not a number", Note("x") with { Rects = [new PageRect(double.NaN, 0.5, 0.01, 0.01)] } },
        { "highlight without a quote", new AnnotationShape(ShapeKind.Highlight, 1, [Spot], null, null, null, null) },
        { "quote context over 32", new AnnotationShape(ShapeKind.Highlight, 1, [Spot], new PageQuote("a", new string('b', 33), ""), null, null, null) },
        { "5001 ink points", Ink(2501, strokes: 2) },
        { "odd stroke", new AnnotationShape(ShapeKind.Ink, 1, [], null, null, [[0.1, 0.2, 0.3]], null) },
        { "ink on a note", Note("x") with { Ink = [[0.1, 0.1]] } },
        { "colour off the palette", Note("x") with { Color = "red" } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Out_of_bounds_annotations_are_refused_as_invalid(string why, AnnotationShape shape)
    {
        var error = AnnotationRules.Check(shape, 5, Limits);
        Assert.True(error is not null, why);
        Assert.Equal("annotations.invalid", error.Code);
    }

    [Fact]
    public void The_per_person_limit_counts_what_the_author_already_has()
    {
        Assert.Null(AnnotationRules.Count(2, Limits));
        Assert.Equal("annotations.limit", AnnotationRules.Count(3, Limits)!.Code);
    }

    private static AnnotationShape Note(string text) => new(ShapeKind.Note, 1, [Spot], null, text, null, null);

    private static AnnotationShape Ink(int pointsPerStroke, int strokes = 1) =>
        new(ShapeKind.Ink, 1, [], null, null, [.. Enumerable.Range(0, strokes).Select(_ => (IReadOnlyList<double>)[.. Enumerable.Repeat(0.5, pointsPerStroke * 2)])], null);
}
