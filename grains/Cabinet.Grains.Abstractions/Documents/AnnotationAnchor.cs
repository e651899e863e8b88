using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>
/// Where an annotation sits, after the W3C Web Annotation selectors: the page (1-based), rectangles in page
/// fractions (0..1, origin top-left) and, for text, the quoted text with some context before and after.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.annotation-anchor")]
public sealed record AnnotationAnchor(int Page, ImmutableArray<AnnotationRect> Rects, TextQuote? Quote);

[GenerateSerializer, Immutable, Alias("cabinet.annotation-rect")]
public sealed record AnnotationRect(double X, double Y, double Width, double Height);

/// <summary>A TextQuoteSelector: the exact text and a little of what precedes and follows it.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.text-quote")]
public sealed record TextQuote(string Exact, string Prefix, string Suffix);
