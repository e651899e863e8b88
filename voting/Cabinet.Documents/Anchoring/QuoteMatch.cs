namespace Cabinet.Documents.Anchoring;

/// <summary>Where a quote was found: the page, the glyphs it covers, and how much of its context matched too.</summary>
internal sealed record QuoteMatch(int Page, IReadOnlyList<int> Glyphs, int ContextScore);
