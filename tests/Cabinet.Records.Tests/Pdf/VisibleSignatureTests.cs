using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;
using SkiaSharp;

namespace Cabinet.Records.Tests.Pdf;

/// <summary>Signatures show in the signature block of the last page, over the signatories' places, and stay valid.</summary>
public sealed class VisibleSignatureTests(CertificatesFixture certificates)
{
    [Fact]
    public async Task The_secretary_and_the_seal_show_in_the_signature_block_and_pdfsig_still_validates_both()
    {
        var signedAt = new DateTimeOffset(2026, 11, 30, 2, 5, 0, TimeSpan.Zero);
        var unsigned = MinutesPdfWriter.Write(SampleMinutes.Create(), out var spots);
        Assert.Equal(2, spots.Count);
        var signed = await PdfSigner.SignAsync(unsigned, certificates.Secretary, new PdfSignatureRequest("Thư ký ký biên bản cuộc họp")
        {
            FieldName = "ThuKy", Appearance = SignatureAppearances.For(spots[0], "Nguyễn Thị Thư", "THƯ KÝ", signedAt),
        }, TestContext.Current.CancellationToken);
        signed = await PdfSigner.SignAsync(signed, certificates.Organisation, new PdfSignatureRequest("Văn thư đóng dấu cơ quan")
        {
            FieldName = "CoQuan", Appearance = SignatureAppearances.For(spots[1], "UBND xã Tân Phú", "Cơ quan", signedAt, seal: true),
        }, TestContext.Current.CancellationToken);

        var path = certificates.NewPath("visible.pdf");
        File.WriteAllBytes(path, signed);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(certificates.NewPath("nss"), certificates.CaPemPath), path);
        Assert.True(pdfsig.Output.Split("Signature Validation: Signature is Valid.").Length - 1 == 2, pdfsig.Output);
        Assert.Equal(2, pdfsig.Output.Split("Certificate Validation: Certificate is Trusted.").Length - 1);
        Assert.True(Tool.Run("qpdf", "--check", path).ExitCode == 0, Tool.Run("qpdf", "--check", path).Output);

        var pages = Tool.Run("pdfinfo", path).Output.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal)).Split(':')[1].Trim();
        var prefix = certificates.NewPath("last-page");
        Assert.Equal(0, Tool.Run("pdftoppm", "-r", "72", "-png", "-f", pages, "-l", pages, "-singlefile", path, prefix).ExitCode);
        Artifacts.Keep(prefix + ".png", "minutes-visible-signatures.png");
        using var bitmap = SKBitmap.Decode(prefix + ".png");
        Assert.True(Count(bitmap, spots[1], c => c.Red > 150 && c.Green < 90 && c.Blue < 90) > 100, "no red seal mark over the chair's place");
        Assert.True(Count(bitmap, spots[0], c => c.Blue > 100 && c.Red < 90) > 100, "no blue frame and text over the secretary's place");
        Assert.Equal(0, Count(bitmap, spots[0], c => c.Red > 150 && c.Green < 90 && c.Blue < 90));

        // The appearance's own text is not extractable (no ToUnicode), but the page's text is unchanged.
        Assert.Contains("THƯ KÝ", Tool.Run("pdftotext", path, "-").Output, StringComparison.Ordinal);
    }

    /// <summary>Pixels of the rendered page (72 dpi: one pixel per point) inside a spot that match.</summary>
    private static int Count(SKBitmap page, SignatureSpot spot, Func<SKColor, bool> match)
    {
        var count = 0;
        for (var y = (int)(page.Height - spot.Top); y < page.Height - spot.Bottom; y++)
        {
            for (var x = (int)spot.Left; x < spot.Right; x++)
            {
                count += match(page.GetPixel(x, y)) ? 1 : 0;
            }
        }

        return count;
    }
}
