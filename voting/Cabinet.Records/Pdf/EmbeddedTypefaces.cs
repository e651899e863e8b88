using SkiaSharp;

namespace Cabinet.Records.Pdf;

/// <summary>
/// The vendored Noto Serif faces (SIL OFL, see Fonts/OFL.txt), loaded from this assembly's resources, so the minutes
/// never depend on the fonts of the machine they are produced on and Vietnamese diacritics always exist.
/// Typefaces are immutable and thread-safe in Skia, so each face is loaded once per process.
/// </summary>
internal static class EmbeddedTypefaces
{
    public const string FamilyName = "Noto Serif";
    private static readonly Lazy<SKTypeface> _regular = new(() => Load("NotoSerif-Regular"));
    private static readonly Lazy<SKTypeface> _bold = new(() => Load("NotoSerif-Bold"));

    public static SKTypeface Regular => _regular.Value;

    public static SKTypeface Bold => _bold.Value;

    private static SKTypeface Load(string faceName)
    {
        var name = $"Cabinet.Records.Fonts.{faceName}.ttf";
        // Skia takes ownership of the stream (it reads glyphs lazily), so it is not disposed here.
        var stream = typeof(EmbeddedTypefaces).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from Cabinet.Records.");
        var typeface = SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"Skia could not read the font resource {name}.");
        if (typeface.FamilyName != FamilyName)
        {
            throw new InvalidOperationException($"The font resource {name} is '{typeface.FamilyName}', not {FamilyName}.");
        }

        return typeface;
    }
}
