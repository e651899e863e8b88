using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Marks every page of a PDF as one person's copy, as an incremental update: the stored bytes stay the prefix of the
/// copy, untouched. Each page's content is wrapped in q … Q and followed by one form XObject drawing a large diagonal
/// line and a footer, light grey and multiplied onto the page, so text under it stays as dark as it was.
/// </summary>
public static class PdfWatermark
{
    private const string GraphicsState = "CabinetCopyGs", Font = "F1";
    private const float FooterSize = 7.5f, FooterMargin = 14, MaxDiagonalSize = 42, MinDiagonalSize = 10;

    /// <param name="diagonal">The line drawn across each page (the person and the copy id).</param>
    /// <param name="footer">The line at the foot of each page (who, which organisation, when, the copy id).</param>
    /// <exception cref="InvalidDataException">The file's structure cannot be followed within <paramref name="limits"/>.</exception>
    public static byte[] Apply(byte[] pdf, string diagonal, string footer, PdfReadLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(diagonal);
        ArgumentNullException.ThrowIfNull(footer);
        var file = PdfFile.Open(pdf, limits, cancellationToken);
        var update = new PdfIncrementalUpdate(file, pdf);
        var face = EmbeddedTypefaces.Regular;
        using var unit = new SKFont(face.Typeface, 1000);
        var glyphs = new Dictionary<ushort, int>();
        var diagonalIds = PdfEmbeddedFont.Glyphs(face, diagonal.Normalize(NormalizationForm.FormC), glyphs);
        var footerIds = PdfEmbeddedFont.Glyphs(face, footer.Normalize(NormalizationForm.FormC), glyphs);
        var diagonalWidth = unit.MeasureText(diagonal.Normalize(NormalizationForm.FormC)) / 1000;
        var footerWidth = unit.MeasureText(footer.Normalize(NormalizationForm.FormC)) / 1000;

        var font = PdfEmbeddedFont.Write(update, face, unit, glyphs);
        var resources = Invariant($"<</Font <</{Font} {font}>> /ExtGState <</{GraphicsState} <</Type /ExtGState /ca 0.45 /CA 0.45 /BM /Multiply>>>>>>");
        var opening = Stream(update, "q\n");
        var forms = new Dictionary<PageFrame, PdfReference>();
        foreach (var page in file.PageReferences())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dictionary = file.GetDictionary(page);
            var frame = PageFrame.Of(file, dictionary);
            if (!forms.TryGetValue(frame, out var form))
            {
                form = update.Allocate();
                var content = Drawing(frame, diagonalIds, diagonalWidth, footerIds, footerWidth);
                update.Write(form, Invariant($"<</Type /XObject /Subtype /Form /BBox [0 0 {frame.Width} {frame.Height}] /Matrix {frame.Matrix} ")
                    + $"/Resources {resources} /Length {content.Length}>>\nstream\n{content}endstream");
                forms[frame] = form;
            }

            var (pageResources, name) = WithForm(file, dictionary, form);
            var closing = Stream(update, $"Q q /{name} Do Q\n");
            update.Write(page, dictionary.With("Resources", pageResources).With("Contents", new PdfArray([opening, .. Contents(file, dictionary), closing])));
        }

        return [.. pdf, .. update.Finish()];
    }

    /// <summary>The diagonal across the middle, sized to the page, and the footer, both in the page's upright frame.</summary>
    private static string Drawing(PageFrame frame, ushort[] diagonal, float diagonalWidth, ushort[] footer, float footerWidth)
    {
        var (w, h) = (frame.Width, frame.Height);
        var length = MathF.Sqrt(w * w + h * h);
        var size = Math.Clamp(length * 0.7f / Math.Max(diagonalWidth, 1e-3f), MinDiagonalSize, MaxDiagonalSize);
        var (cos, sin) = (w / length, h / length);
        var footerSize = Math.Min(FooterSize, (w - 2 * FooterMargin) / Math.Max(footerWidth, 1e-3f));
        return new StringBuilder($"q /{GraphicsState} gs\n")
            .Append(Invariant($"BT 0.6 g /{Font} {size:0.##} Tf {cos:0.####} {sin:0.####} {-sin:0.####} {cos:0.####} {w / 2:0.##} {h / 2:0.##} Tm "))
            .Append(Invariant($"{-diagonalWidth * size / 2:0.##} {-size / 3:0.##} Td <{PdfEmbeddedFont.Hex(diagonal)}> Tj ET\n"))
            .Append(Invariant($"BT 0.35 g /{Font} {footerSize:0.##} Tf 1 0 0 1 {FooterMargin} {FooterMargin * 0.6f:0.##} Tm <{PdfEmbeddedFont.Hex(footer)}> Tj ET\n"))
            .Append("Q\n").ToString();
    }

    /// <summary>The page's resources (its own or inherited) with the form added under a name the page does not use yet.</summary>
    private static (PdfDictionary Resources, string Name) WithForm(PdfFile file, PdfDictionary page, PdfReference form)
    {
        var resources = file.Resolve(Inherited(file, page, "Resources")) as PdfDictionary ?? new PdfDictionary([]);
        var forms = file.Resolve(resources["XObject"]) as PdfDictionary ?? new PdfDictionary([]);
        var name = Enumerable.Range(0, 1000).Select(i => $"CabinetCopy{i}").First(n => forms[n] is null);
        return (resources.With("XObject", forms.With(name, form)), name);
    }

    private static IEnumerable<PdfValue> Contents(PdfFile file, PdfDictionary page) => page["Contents"] switch
    {
        null => [],
        PdfArray direct => direct.Items,
        PdfReference reference when file.Resolve(reference) is PdfArray array => array.Items,
        var single => [single],
    };

    /// <summary>A page attribute that may be set on the page or on any ancestor in the page tree.</summary>
    internal static PdfValue? Inherited(PdfFile file, PdfDictionary page, string key)
    {
        var node = page;
        for (var depth = 0; depth < 64; depth++)
        {
            if (node[key] is { } value)
            {
                return value;
            }

            if (node["Parent"] is not PdfReference parent)
            {
                return null;
            }

            node = file.GetDictionary(parent);
        }

        return null;
    }

    private static PdfReference Stream(PdfIncrementalUpdate update, string content)
    {
        var reference = update.Allocate();
        update.Write(reference, Invariant($"<</Length {content.Length}>>\nstream\n{content}endstream"));
        return reference;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>
    /// How a page is shown: its visible box (crop box, else media box) turned by /Rotate, as the upright width and
    /// height and the matrix from that upright frame to the page's own coordinates.
    /// </summary>
    private sealed record PageFrame(float Width, float Height, string Matrix)
    {
        public static PageFrame Of(PdfFile file, PdfDictionary page)
        {
            var box = Box(file, Inherited(file, page, "CropBox")) ?? Box(file, Inherited(file, page, "MediaBox")) ?? [0, 0, 612, 792];
            var (x0, y0) = (Math.Min(box[0], box[2]), Math.Min(box[1], box[3]));
            var (w, h) = (Math.Abs(box[2] - box[0]), Math.Abs(box[3] - box[1]));
            var rotate = file.Resolve(Inherited(file, page, "Rotate")) is PdfAtom atom && long.TryParse(atom.Raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
                ? (int)(((r % 360) + 360) % 360) : 0;
            return rotate switch
            {
                90 => new(h, w, M(0, 1, -1, 0, x0 + w, y0)),
                180 => new(w, h, M(-1, 0, 0, -1, x0 + w, y0 + h)),
                270 => new(h, w, M(0, -1, 1, 0, x0, y0 + h)),
                _ => new(w, h, M(1, 0, 0, 1, x0, y0)),
            };
        }

        private static string M(float a, float b, float c, float d, float e, float f) => Invariant($"[{a} {b} {c} {d} {e:0.###} {f:0.###}]");

        private static float[]? Box(PdfFile file, PdfValue? value) =>
            file.Resolve(value) is PdfArray { Items.Count: 4 } array
            && array.Items.Select(i => file.Resolve(i)).ToList() is var items
            && items.All(i => i is PdfAtom a && float.TryParse(a.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                ? [.. items.Select(i => float.Parse(((PdfAtom)i).Raw, NumberStyles.Float, CultureInfo.InvariantCulture))]
                : null;
    }
}
