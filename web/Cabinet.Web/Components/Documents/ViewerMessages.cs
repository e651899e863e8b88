using System.Collections.Immutable;
using Cabinet.Documents;

namespace Cabinet.Web.Components.Documents;

// What DocumentViewer.razor.js and the viewer component say to each other. Positions are page fractions.

/// <summary>An annotation as the page draws it.</summary>
public sealed record ViewerMark(
    string Id, int Kind, int Page, ImmutableArray<AnnotationRect> Rects, ImmutableArray<ImmutableArray<double>>? Ink,
    string? Text, string? Color, bool Shared, bool Mine, string AuthorName)
{
    public static ViewerMark Of(AnnotationView a, string me) =>
        new(a.AnnotationId, (int)a.Kind, a.Anchor.Page, a.Anchor.Rects, a.Ink, a.Text, a.Color, a.Shared, a.Author == me, a.AuthorName);
}

public sealed record OpenedDocument(int Pages, string? Error);

public sealed record SearchOutcome(int Count, int Index, int Page);

/// <summary>Where a note was placed, with the text nearest to it.</summary>
public sealed record NotePoint(int Page, double X, double Y, TextQuote? Quote);

/// <summary>The selected text to highlight: one rect per line and the quote.</summary>
public sealed record SelectedText(int Page, AnnotationRect[] Rects, TextQuote? Quote);

/// <summary>Strokes drawn on one page, each a flat list x0, y0, x1, y1, …</summary>
public sealed record InkDrawing(int Page, double[][] Strokes, TextQuote? Quote);

/// <summary>Another version chosen in the viewer, and the page to open it at.</summary>
public sealed record VersionPage(int Version, int Page);

/// <summary>A page asked for from outside the viewer; the sequence makes asking for the same page again a new request.</summary>
public sealed record PageRequest(int Page, int Sequence)
{
    public PageRequest Next(int page) => new(page, Sequence + 1);
}
