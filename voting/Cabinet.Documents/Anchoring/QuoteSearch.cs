using Cabinet.Documents.Annotations;
using Cabinet.Documents.Pdf;

namespace Cabinet.Documents.Anchoring;

/// <summary>
/// Finds a quote in a version: every occurrence of the whitespace-normalised exact text, preferring the one whose
/// prefix and suffix match most, then the one on the page nearest the annotation's old page.
/// </summary>
internal static class QuoteSearch
{
    public static QuoteMatch? Find(PageQuote quote, InspectedPdf pdf, int nearPage, int? onlyPage = null)
    {
        var exact = CompactText.Normalize(quote.Exact);
        if (exact.Length == 0)
        {
            return null;
        }

        string prefix = CompactText.Normalize(quote.Prefix), suffix = CompactText.Normalize(quote.Suffix);
        QuoteMatch? best = null;
        foreach (var page in pdf.Pages.Where(p => onlyPage is null || p.Number == onlyPage))
        {
            var text = CompactText.Of(page);
            for (var at = text.Text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.Text.IndexOf(exact, at + 1, StringComparison.Ordinal))
            {
                var score = CommonSuffix(prefix, text.Text.AsSpan(0, at)) + CommonPrefix(suffix, text.Text.AsSpan(at + exact.Length));
                if (best is null || score > best.ContextScore
                    || (score == best.ContextScore && Math.Abs(page.Number - nearPage) < Math.Abs(best.Page - nearPage)))
                {
                    var glyphs = Enumerable.Range(at, exact.Length).Select(i => text.GlyphOf[i]).Distinct().ToArray();
                    best = new QuoteMatch(page.Number, glyphs, score);
                }
            }
        }

        return best;
    }

    private static int CommonSuffix(string wanted, ReadOnlySpan<char> before)
    {
        var n = 0;
        while (n < wanted.Length && n < before.Length && wanted[^(n + 1)] == before[^(n + 1)])
        {
            n++;
        }

        return n;
    }

    private static int CommonPrefix(string wanted, ReadOnlySpan<char> after)
    {
        var n = 0;
        while (n < wanted.Length && n < after.Length && wanted[n] == after[n])
        {
            n++;
        }

        return n;
    }
}
