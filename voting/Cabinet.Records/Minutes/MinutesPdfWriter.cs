using System.Text;
using Cabinet.Records.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cabinet.Records.Minutes;

/// <summary>
/// Prints the minutes ("BIÊN BẢN CUỘC HỌP") as an unsigned PDF laid out like a Vietnamese administrative document:
/// national motto header, title, the meeting's sections, signature block. Sign it afterwards with <c>PdfSigner</c>.
/// </summary>
public static class MinutesPdfWriter
{
    // The two header columns reach a little into the side margins, as printed administrative documents do,
    // so that "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" stays on one line.
    private const double HeaderLeft = -25, HeaderLeftWidth = 215, HeaderRightOverhang = 20;

    public static byte[] Write(MinutesModel minutes)
    {
        using var output = new MemoryStream();
        Write(minutes, output);
        return output.ToArray();
    }

    public static void Write(MinutesModel minutes, Stream output)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        EmbeddedFontResolver.EnsureRegistered();
        using var document = PdfSharpLicenseCheck.NewDocument();
        document.Info.Title = Text($"Biên bản cuộc họp: {minutes.MeetingTitle}");
        document.Info.Author = Text(minutes.Organisation);
        document.Info.Creator = "Cabinet";
        document.Options.CompressContentStreams = true;

        var fonts = new MinutesFonts();
        using (var flow = new PageFlow(document))
        {
            Header(flow, fonts, minutes);
            MinutesSections.Write(flow, fonts, minutes);
            SignatureBlock(flow, fonts, minutes);
        }

        PageNumbers(document, fonts);
        document.Save(output, closeStream: false);
    }

    /// <summary>Precomposed (NFC) text: PDFsharp does no glyph composition, so decomposed diacritics would print apart.</summary>
    internal static string Text(string value) => value.Normalize(NormalizationForm.FormC);

    private static void Header(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        var rightLeft = HeaderLeft + HeaderLeftWidth;
        var rightWidth = flow.Width + HeaderRightOverhang - rightLeft;
        var y = flow.Y;
        var left = y;
        if (minutes.ParentOrganisation is { } parent)
        {
            left = flow.CenteredAt(Text(parent.ToUpperInvariant()), fonts.Header, HeaderLeft, HeaderLeftWidth, left);
        }

        left = flow.CenteredAt(Text(minutes.Organisation.ToUpperInvariant()), fonts.HeaderBold, HeaderLeft, HeaderLeftWidth, left);
        flow.Rule(HeaderLeft, HeaderLeftWidth, left + 2, 60);
        left = flow.CenteredAt($"Số: {minutes.DocumentNumber ?? "……/BB-……"}", fonts.Header, HeaderLeft, HeaderLeftWidth, left + 6);

        var right = flow.CenteredAt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fonts.HeaderBold, rightLeft, rightWidth, y);
        right = flow.CenteredAt("Độc lập - Tự do - Hạnh phúc", fonts.BodyBold, rightLeft, rightWidth, right, underline: true);
        var date = VietnameseFormat.Date(minutes.StartedAt, minutes.UtcOffset);
        var dateLine = minutes.Locality is { } locality ? $"{Text(locality)}, {date}" : $"N{date[1..]}";
        right = flow.CenteredAt(dateLine, fonts.Italic, rightLeft, rightWidth, right + 6);

        flow.Y = Math.Max(left, right) + 24;
        flow.Paragraph("BIÊN BẢN CUỘC HỌP", fonts.Title, TextAlign.Center, after: 2);
        flow.Paragraph(Text(minutes.MeetingTitle), fonts.BodyBold, TextAlign.Center, after: 16);
    }

    private static void SignatureBlock(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        IReadOnlyList<Signatory> signatories = minutes.Signatories.Count > 0
            ? minutes.Signatories
            : [new("THƯ KÝ", minutes.Secretary.Name), new("CHỦ TỌA", minutes.Chair.Name)];
        const double Height = 130;
        flow.Space(12);
        flow.EnsureRoom(Height);
        var width = flow.Width / signatories.Count;
        for (var i = 0; i < signatories.Count; i++)
        {
            var y = flow.CenteredAt(Text(signatories[i].Capacity.ToUpperInvariant()), fonts.BodyBold, i * width, width, flow.Y);
            flow.CenteredAt("(Ký, ghi rõ họ tên)", fonts.Italic, i * width, width, y);
            flow.CenteredAt(Text(signatories[i].Name), fonts.BodyBold, i * width, width, flow.Y + Height - 24);
        }

        flow.Y += Height;
    }

    private static void PageNumbers(PdfDocument document, MinutesFonts fonts)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var rect = new XRect(0, page.Height.Point - 40, page.Width.Point, 14);
            graphics.DrawString($"Trang {i + 1}/{document.PageCount}", fonts.Small, XBrushes.Black, rect, XStringFormats.TopCenter);
        }
    }
}
