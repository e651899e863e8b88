using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;

namespace Cabinet.Records.Tests.Pdf;

public sealed class PdfWatermarkTests(CertificatesFixture scratch)
{
    private const string Footer = "Bản sao của Nguyễn Văn Đại biểu (UBND xã Tân Phú) · 12/03/2026 08:15 · Mã bản sao K7QM2XWA";

    [Theory]
    [InlineData("ke-hoach-dich-vu-cong-truc-tuyen.pdf")]
    [InlineData("tracemonkey.pdf")]
    [InlineData("rotated.pdf")]
    [InlineData("sizes.pdf")]
    public void Every_page_carries_the_copy_and_the_original_bytes_stay_the_prefix(string fixture)
    {
        var original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Fixtures, "pdfs", fixture));
        var copy = PdfWatermark.Apply(original, "Nguyễn Văn Đại biểu · K7QM2XWA", Footer, PdfReadLimits.Default);

        Assert.Equal(original, copy[..original.Length]);
        var path = scratch.NewPath("copy.pdf");
        File.WriteAllBytes(path, copy);
        var pages = PageCount(path);
        Assert.True(pages > 0);
        for (var page = 1; page <= pages; page++)
        {
            var text = Tool.Run("pdftotext", "-f", $"{page}", "-l", $"{page}", path, "-");
            Assert.Equal(0, text.ExitCode);
            Assert.Contains("K7QM2XWA", text.Output);
            Assert.Contains("Nguyễn Văn Đại biểu (UBND xã Tân Phú)", text.Output);
        }

        Assert.Equal(0, Tool.Run("qpdf", "--check", path).ExitCode);
    }

    [Fact]
    public void A_file_with_a_cross_reference_stream_and_its_page_in_an_object_stream_is_marked_too()
    {
        var original = XrefStreamPdf.Create();
        var path = scratch.NewPath("xref-stream-copy.pdf");
        File.WriteAllBytes(path, PdfWatermark.Apply(original, "Nguyễn Văn Đại biểu · K7QM2XWA", Footer, PdfReadLimits.Default));

        Assert.Contains("K7QM2XWA", Tool.Run("pdftotext", path, "-").Output);
        Assert.Equal(0, Tool.Run("qpdf", "--check", path).ExitCode);
    }

    [Fact]
    public void A_file_it_cannot_follow_is_refused_not_marked()
    {
        var broken = "%PDF-1.7\nnot a pdf at all\n"u8.ToArray();
        Assert.ThrowsAny<Exception>(() => PdfWatermark.Apply(broken, "x", "y", PdfReadLimits.Default));
    }

    private static int PageCount(string path) =>
        int.Parse(Tool.Run("pdfinfo", path).Output.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
}
