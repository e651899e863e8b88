using System.Text;
using Cabinet.Documents.Pdf;

namespace Cabinet.Documents.Anchoring;

/// <summary>
/// A page's text without whitespace (PDFs often have no space glyphs at all) and compatibility-normalised (ligatures
/// become letters), with the glyph each remaining character came from, so a match maps back to glyph boxes.
/// </summary>
internal sealed class CompactText
{
    private CompactText(string text, int[] glyphOf) => (Text, GlyphOf) = (text, glyphOf);

    public string Text { get; }

    public IReadOnlyList<int> GlyphOf { get; }

    public static CompactText Of(PdfPageText page)
    {
        var text = new StringBuilder();
        var glyphOf = new List<int>();
        for (var i = 0; i < page.Glyphs.Length; i++)
        {
            foreach (var c in Normalize(page.Glyphs[i].Value))
            {
                text.Append(c);
                glyphOf.Add(i);
            }
        }

        return new CompactText(text.ToString(), [.. glyphOf]);
    }

    public static string Normalize(string? text) =>
        string.Concat((text ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}
