using SkiaSharp;

namespace Cabinet.Testing;

/// <summary>Small real PDFs made in a test: each page holds the given lines, typeset with Noto Serif (Vietnamese glyphs).</summary>
public static class SamplePdf
{
    public static byte[] Create(params string[][] pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        using var typeface = SKTypeface.FromFile(Path.Combine(RepositoryPaths.Root, "voting", "Cabinet.Records", "Fonts", "NotoSerif-Regular.ttf"));
        using var font = new SKFont(typeface, 14);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var pdf = new MemoryStream();
        using (var document = SKDocument.CreatePdf(pdf))
        {
            foreach (var lines in pages)
            {
                var canvas = document.BeginPage(595, 842);
                var y = 80f;
                foreach (var line in lines)
                {
                    canvas.DrawText(line, 60, y, SKTextAlign.Left, font, paint);
                    y += 28;
                }

                document.EndPage();
            }

            document.Close();
        }

        return pdf.ToArray();
    }
}
