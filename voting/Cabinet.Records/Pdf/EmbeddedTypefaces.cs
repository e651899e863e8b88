using SkiaSharp;

namespace Cabinet.Records.Pdf;

/// <summary>
/// The vendored Noto Serif faces (SIL OFL, see Fonts/OFL.txt), read from this assembly's resources, so the minutes
/// never depend on the fonts of the machine they are produced on and Vietnamese diacritics always exist.
/// </summary>
internal static class EmbeddedTypefaces
{
    public const string FamilyName = "Noto Serif";
    private static readonly Lazy<EmbeddedFace> _regular = new(() => EmbeddedFace.Load("NotoSerif-Regular"));
    private static readonly Lazy<EmbeddedFace> _bold = new(() => EmbeddedFace.Load("NotoSerif-Bold"));

    /// <summary>The whole regular face, loaded once per process (Skia typefaces are immutable and thread-safe).</summary>
    public static EmbeddedFace Regular => _regular.Value;

    public static EmbeddedFace Bold => _bold.Value;
}

/// <summary>A vendored font: its TrueType bytes and the whole typeface made from them.</summary>
internal sealed class EmbeddedFace
{
    private EmbeddedFace(string name, byte[] data)
    {
        Name = name;
        Data = data;
        Typeface = FromBytes(name, data);
    }

    public string Name { get; }

    public byte[] Data { get; }

    public SKTypeface Typeface { get; }

    public static EmbeddedFace Load(string faceName)
    {
        var name = $"Cabinet.Records.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFace).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from Cabinet.Records.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new EmbeddedFace(name, copy.ToArray());
    }

    /// <summary>
    /// A typeface holding only the outlines of <paramref name="text"/>'s characters, with the same glyph IDs and
    /// metrics, for Skia to embed in the PDF (it embeds whole fonts otherwise). The caller disposes it.
    /// </summary>
    public SKTypeface Subset(string text) => FromBytes(Name, TrueTypeSubsetter.Subset(Data, Typeface.GetGlyphs(text)));

    private static SKTypeface FromBytes(string name, byte[] data)
    {
        // Skia takes ownership of the stream and reads glyphs from it lazily, so it is not disposed here.
        var typeface = SKTypeface.FromStream(new MemoryStream(data, writable: false))
            ?? throw new InvalidOperationException($"Skia could not read the font {name}.");
        if (typeface.FamilyName != EmbeddedTypefaces.FamilyName)
        {
            throw new InvalidOperationException($"The font {name} is '{typeface.FamilyName}', not {EmbeddedTypefaces.FamilyName}.");
        }

        return typeface;
    }
}
