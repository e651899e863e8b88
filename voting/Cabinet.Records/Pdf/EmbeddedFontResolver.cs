using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Serves the vendored Noto Serif faces (SIL OFL, see Fonts/OFL.txt) to PDFsharp for every family name, so the
/// minutes never depend on the fonts of the machine they are produced on, and Vietnamese diacritics always exist.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "Noto Serif";
    private const string Regular = "NotoSerif-Regular";
    private const string Bold = "NotoSerif-Bold";
    private static readonly Lock _registration = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>PDFsharp accepts one resolver per process, set before the first font is used.</summary>
    public static void EnsureRegistered()
    {
        lock (_registration)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                    break;
                case EmbeddedFontResolver:
                    break;
                default:
                    throw new InvalidOperationException(
                        "Another PDFsharp font resolver is registered; the minutes need Cabinet's embedded Noto Serif resolver.");
            }
        }
    }

    // Bold is a real face; italic is slanted by PDFsharp (only the date line and small notes use it).
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, false, isItalic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"Cabinet.Records.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from Cabinet.Records.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
