using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Writes a subset of a vendored face into an incremental update as a Type 0 font (a TrueType CID font, glyph IDs as
/// Identity-H codes) with a ToUnicode map, so text drawn with it can be searched and copied. Everything is ASCII.
/// </summary>
internal static class PdfEmbeddedFont
{
    private const string Name = "/CABSIG+NotoSerif";

    /// <summary>The glyph IDs of <paramref name="text"/>, one per character, each remembered with the character it draws.</summary>
    public static ushort[] Glyphs(EmbeddedFace face, string text, Dictionary<ushort, int> used)
    {
        var ids = face.Typeface.GetGlyphs(text);
        var codePoints = new List<int>(ids.Length);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            codePoints.Add(char.ConvertToUtf32(text, i));
        }

        for (var i = 0; i < ids.Length && i < codePoints.Count; i++)
        {
            used.TryAdd(ids[i], codePoints[i]);
        }

        return ids;
    }

    /// <summary>The glyphs as a hex string for Tj.</summary>
    public static string Hex(ushort[] ids) => string.Concat(ids.Select(id => id.ToString("X4", CultureInfo.InvariantCulture)));

    public static PdfReference Write(PdfIncrementalUpdate update, EmbeddedFace face, SKFont unit, Dictionary<ushort, int> glyphs)
    {
        var subset = TrueTypeSubsetter.Subset(face.Data, [.. glyphs.Keys]);
        var file = update.Allocate();
        var hex = Convert.ToHexString(subset);
        update.Write(file, Invariant($"<</Length {hex.Length + 1} /Length1 {subset.Length} /Filter /ASCIIHexDecode>>\nstream\n{hex}>\nendstream"));

        var metrics = unit.Metrics;
        var descriptor = update.Allocate();
        update.Write(descriptor, Invariant($"<</Type /FontDescriptor /FontName {Name} /Flags 32 ")
            + Invariant($"/FontBBox [{(int)metrics.XMin} {(int)-metrics.Bottom} {(int)metrics.XMax} {(int)-metrics.Top}] /ItalicAngle 0 ")
            + Invariant($"/Ascent {(int)-metrics.Ascent} /Descent {(int)-metrics.Descent} /CapHeight {(int)metrics.CapHeight} /StemV 80 /FontFile2 {file}>>"));

        var ordered = glyphs.Keys.Order().ToArray();
        var widths = unit.GetGlyphWidths(ordered);
        var w = new StringBuilder("[");
        for (var i = 0; i < ordered.Length; i++)
        {
            w.Append(Invariant($"{ordered[i]} [{(int)Math.Round(widths[i])}] "));
        }

        var cid = update.Allocate();
        update.Write(cid, Invariant($"<</Type /Font /Subtype /CIDFontType2 /BaseFont {Name} ")
            + Invariant($"/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor {descriptor} /CIDToGIDMap /Identity /W {w}]>>"));
        var toUnicode = update.Allocate();
        var map = ToUnicode(glyphs);
        update.Write(toUnicode, Invariant($"<</Length {map.Length}>>\nstream\n{map}endstream"));
        var font = update.Allocate();
        update.Write(font, Invariant($"<</Type /Font /Subtype /Type0 /BaseFont {Name} /Encoding /Identity-H /DescendantFonts [{cid}] /ToUnicode {toUnicode}>>"));
        return font;
    }

    /// <summary>A CMap from each glyph ID back to its character (UTF-16BE), in blocks of at most 100 as the format asks.</summary>
    private static string ToUnicode(Dictionary<ushort, int> glyphs)
    {
        var text = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in glyphs.OrderBy(g => g.Key).Chunk(100))
        {
            text.Append(Invariant($"{block.Length} beginbfchar\n"));
            foreach (var (glyph, codePoint) in block)
            {
                text.Append(Invariant($"<{glyph:X4}> <{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(char.ConvertFromUtf32(codePoint)))}>\n"));
            }

            text.Append("endbfchar\n");
        }

        return text.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
