namespace Cabinet.Documents.Annotations;

/// <summary>A rectangle on a page in page fractions (0..1, origin top-left of the unrotated page).</summary>
public sealed record PageRect(double X, double Y, double Width, double Height);
