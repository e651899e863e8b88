using System.Text;
using SkiaSharp;

namespace Cabinet.Records.Pdf;

/// <summary>Greedy word wrapping by measured width; a word wider than the line (a hash) is cut where it stops fitting.</summary>
internal static class LineBreaker
{
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Normalize(NormalizationForm.FormC).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Fits(candidate, font, width))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && !Fits(line, font, width))
                {
                    var cut = Math.Clamp((int)font.BreakText(line, width), 1, line.Length - 1);
                    if (char.IsHighSurrogate(line[cut - 1]) && cut > 1)
                    {
                        cut--; // never split a surrogate pair
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public static float Measure(string text, SKFont font) => font.MeasureText(text);

    private static bool Fits(string text, SKFont font, float width) => Measure(text, font) <= width;
}
