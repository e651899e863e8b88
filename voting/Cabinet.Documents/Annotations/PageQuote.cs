namespace Cabinet.Documents.Annotations;

/// <summary>The quoted text of an annotation (W3C TextQuoteSelector): the exact text and up to 32 characters either side.</summary>
public sealed record PageQuote(string Exact, string Prefix, string Suffix);
