using Cabinet.Records.Pdf;
using SkiaSharp;

namespace Cabinet.Records.Tests.Pdf;

public sealed class TrueTypeSubsetterTests
{
    [Fact]
    public void A_subset_keeps_glyph_ids_and_advances_and_only_the_outlines_of_its_text()
    {
        const string Text = "Độc lập - Tự do - Hạnh phúc";
        var whole = EmbeddedTypefaces.Bold;
        using var subset = whole.Subset(Text);
        using var wholeFont = new SKFont(whole.Typeface, 13) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        using var subsetFont = new SKFont(subset, 13) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };

        Assert.Equal(whole.Typeface.GetGlyphs("CỘNG HÒA XÃ HỘI"), subset.GetGlyphs("CỘNG HÒA XÃ HỘI"));
        Assert.Equal(wholeFont.MeasureText("CỘNG HÒA XÃ HỘI"), subsetFont.MeasureText("CỘNG HÒA XÃ HỘI"));
        using (var kept = subsetFont.GetGlyphPath(subset.GetGlyphs("ậ")[0]))
        {
            Assert.False(kept.IsEmpty);
        }

        using (var dropped = subsetFont.GetGlyphPath(subset.GetGlyphs("Z")[0]))
        {
            Assert.True(dropped.IsEmpty);
        }

        using var stream = subset.OpenStream();
        Assert.True(stream.Length < whole.Data.Length / 3, $"{stream.Length} of {whole.Data.Length} bytes kept");
    }
}
