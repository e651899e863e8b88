using System.Globalization;
using System.Text;
using Cabinet.Records.Pdf;
using SkiaSharp;

namespace Cabinet.Records.Minutes;

/// <summary>
/// Prints the minutes ("BIÊN BẢN CUỘC HỌP") as an unsigned PDF laid out like a Vietnamese administrative document:
/// national motto header, title, the meeting's sections, signature block. Sign it afterwards with <c>PdfSigner</c>.
/// </summary>
public static class MinutesPdfWriter
{
    // The two header columns reach a little into the side margins, as printed administrative documents do,
    // so that "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" stays on one line.
    private const float HeaderLeft = -25, HeaderLeftWidth = 215, HeaderRightOverhang = 20;
    private const string PageNumberCharacters = "Trang 0123456789/";

    /// <summary>The PDF's /Producer: the library that wrote the bytes, under the application named in /Creator.</summary>
    private static readonly string Producer = $"Cabinet.Records with SkiaSharp {typeof(SKDocument).Assembly.GetName().Version} (Skia/PDF)";

    public static byte[] Write(MinutesModel minutes)
    {
        using var output = new MemoryStream();
        Write(minutes, output);
        return output.ToArray();
    }

    /// <param name="signatureSpots">Where each signatory's signature goes on the last page, in PDF points, for visible signatures.</param>
    public static byte[] Write(MinutesModel minutes, out IReadOnlyList<SignatureSpot> signatureSpots)
    {
        using var output = new MemoryStream();
        signatureSpots = WriteTo(minutes, output);
        return output.ToArray();
    }

    public static void Write(MinutesModel minutes, Stream output) => WriteTo(minutes, output);

    private static IReadOnlyList<SignatureSpot> WriteTo(MinutesModel minutes, Stream output)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(output);
        // The first layout, with the whole faces, finds the characters the minutes use; the second lays out the same
        // pages with faces cut down to those characters (same glyph IDs and metrics, hence the same layout), which
        // is what Skia embeds: whole Noto Serif faces would make every minutes file about 600 KB.
        string characters;
        using (var wholeFonts = new MinutesFonts(EmbeddedTypefaces.Regular.Typeface, EmbeddedTypefaces.Bold.Typeface))
        using (var probe = new PageFlow())
        {
            Layout(probe, wholeFonts, minutes);
            characters = probe.Characters + PageNumberCharacters;
        }

        using var regular = EmbeddedTypefaces.Regular.Subset(characters);
        using var bold = EmbeddedTypefaces.Bold.Subset(characters);
        using var fonts = new MinutesFonts(regular, bold);
        using var flow = new PageFlow();
        var spots = Layout(flow, fonts, minutes);
        var pages = flow.Finish();

        var now = DateTimeOffset.Now;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Text($"{Capitalised(minutes.Wording.Heading)}: {minutes.MeetingTitle}"),
            Author = Text(minutes.Organisation),
            Subject = Text(minutes.MeetingTitle),
            Creator = "Cabinet",
            Producer = Producer,
            Creation = now.LocalDateTime,
            Modified = now.LocalDateTime,
        };
        using var pdf = new MemoryStream();
        using (var document = SKDocument.CreatePdf(pdf, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not start a PDF document."))
        {
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(PageFlow.PageWidth, PageFlow.PageHeight);
                canvas.DrawPicture(pages[i]);
                PageNumber(canvas, fonts.Small, ink, i + 1, pages.Count);
                document.EndPage();
            }

            document.Close();
        }

        var bytes = pdf.ToArray();
        if (PdfInfoDates.Rewrite(bytes, now) != 2)
        {
            throw new InvalidOperationException("Skia's PDF has no /CreationDate and /ModDate where they were expected.");
        }

        output.Write(bytes);
        output.Flush();
        return spots;
    }

    private static List<SignatureSpot> Layout(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        Header(flow, fonts, minutes);
        MinutesSections.Write(flow, fonts, minutes);
        return SignatureBlock(flow, fonts, minutes);
    }

    /// <summary>"BIÊN BẢN CUỘC HỌP" → "Biên bản cuộc họp", for the document's title metadata.</summary>
    private static string Capitalised(string heading) =>
        heading.Length == 0 ? heading : heading[..1] + heading[1..].ToLowerInvariant();

    /// <summary>Precomposed (NFC) text: no shaping engine runs, so decomposed diacritics would print as separate glyphs.</summary>
    internal static string Text(string value) => value.Normalize(NormalizationForm.FormC);

    private static void Header(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        var rightLeft = HeaderLeft + HeaderLeftWidth;
        var rightWidth = PageFlow.Width + HeaderRightOverhang - rightLeft;
        var y = flow.Y;
        var left = y;
        if (minutes.ParentOrganisation is { } parent)
        {
            left = flow.CenteredAt(Text(parent.ToUpperInvariant()), fonts.Header, HeaderLeft, HeaderLeftWidth, left);
        }

        left = flow.CenteredAt(Text(minutes.Organisation.ToUpperInvariant()), fonts.HeaderBold, HeaderLeft, HeaderLeftWidth, left);
        flow.Rule(HeaderLeft, HeaderLeftWidth, left + 2, 60);
        left = flow.CenteredAt($"Số: {minutes.DocumentNumber ?? minutes.Wording.NumberPlaceholder}", fonts.Header, HeaderLeft, HeaderLeftWidth, left + 6);

        var right = flow.CenteredAt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fonts.HeaderBold, rightLeft, rightWidth, y);
        right = flow.CenteredAt("Độc lập - Tự do - Hạnh phúc", fonts.BodyBold, rightLeft, rightWidth, right, underline: true);
        var date = VietnameseFormat.Date(minutes.StartedAt, minutes.UtcOffset);
        var dateLine = minutes.Locality is { } locality ? $"{Text(locality)}, {date}" : $"N{date[1..]}";
        right = flow.CenteredAt(dateLine, fonts.Italic, rightLeft, rightWidth, right + 6);

        flow.Y = Math.Max(left, right) + 24;
        flow.Paragraph(Text(minutes.Wording.Heading), fonts.Title, TextAlign.Center, after: 2);
        flow.Paragraph(Text(minutes.MeetingTitle), fonts.BodyBold, TextAlign.Center, after: 16);
    }

    private static List<SignatureSpot> SignatureBlock(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        IReadOnlyList<Signatory> signatories = minutes.Signatories.Count > 0
            ? minutes.Signatories
            : [new("THƯ KÝ", minutes.Secretary.Name), new("CHỦ TỌA", minutes.Chair.Name)];
        const float Height = 130;
        flow.Space(12);
        flow.EnsureRoom(Height);
        var width = PageFlow.Width / signatories.Count;
        var spots = new List<SignatureSpot>();
        for (var i = 0; i < signatories.Count; i++)
        {
            var y = flow.CenteredAt(Text(signatories[i].Capacity.ToUpperInvariant()), fonts.BodyBold, i * width, width, flow.Y);
            y = flow.CenteredAt("(Ký, ghi rõ họ tên)", fonts.Italic, i * width, width, y);
            var nameTop = flow.Y + Height - 24;
            flow.CenteredAt(Text(signatories[i].Name), fonts.BodyBold, i * width, width, nameTop);

            // The space between "(Ký, ghi rõ họ tên)" and the name, where a hand signature would go (Decree 30/2020).
            var left = PageFlow.LeftMargin + i * width;
            spots.Add(new SignatureSpot(signatories[i].Capacity, left + 6, PageFlow.PageHeight - nameTop + 2, left + width - 6, PageFlow.PageHeight - y - 2));
        }

        flow.Y += Height;
        return spots;
    }

    private static void PageNumber(SKCanvas canvas, SKFont font, SKPaint ink, int page, int count)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Trang {page}/{count}");
        PageFlow.DrawText(canvas, text, font, ink, (PageFlow.PageWidth - LineBreaker.Measure(text, font)) / 2, PageFlow.PageHeight - 40);
    }
}
