using Cabinet.Documents.Pdf;

namespace Cabinet.Documents.Tests;

public sealed class PdfInspectionTests
{
    private const long Limit = 50L * 1024 * 1024;

    public static TheoryData<string> GoodFiles() => [.. Fixtures.Pdfs.Select(f => Path.GetFileName(f))];

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "empty.pdf", "documents.empty" },
        { "html-named.pdf", "documents.not_pdf" },
        { "image-named.pdf", "documents.not_pdf" },
        { "garbage-after-header.pdf", "documents.damaged" },
        { "truncated.pdf", "documents.damaged" },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void Every_fixture_pdf_is_accepted_with_its_pages(string name)
    {
        var result = PdfInspection.Inspect(File.ReadAllBytes(Path.Combine(Fixtures.Folder, "pdfs", name)), Limit);

        Assert.True(result.Ok, $"{name}: {result.Error}");
        Assert.True(result.Pdf!.PageCount > 0);
        Assert.All(result.Pdf.Pages.SelectMany(p => p.Glyphs), g => Assert.InRange(g.X, 0, 1));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Every_bad_fixture_is_refused_with_its_code(string name, string code)
    {
        var result = PdfInspection.Inspect(File.ReadAllBytes(Path.Combine(Fixtures.Folder, "bad", name)), Limit);

        Assert.False(result.Ok);
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void Every_file_in_the_bad_folder_is_listed_above()
    {
        Assert.Equal(BadFiles().Select(r => r.Data.Item1).Order(StringComparer.Ordinal), Fixtures.Bad.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_as_too_large()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures.Folder, "pdfs", "alphatrans.pdf"));

        Assert.Equal("documents.too_large", PdfInspection.Inspect(bytes, bytes.Length - 1).Error!.Code);
    }

    [Fact]
    public void The_vietnamese_plan_gives_its_text_with_diacritics()
    {
        var result = PdfInspection.Inspect(File.ReadAllBytes(Path.Combine(Fixtures.Folder, "pdfs", "ke-hoach-dich-vu-cong-truc-tuyen.pdf")), Limit);

        Assert.Equal(23, result.Pdf!.PageCount);
        Assert.Contains("dịch vụ công", string.Concat(result.Pdf.Pages.Select(p => p.Text)).ToLowerInvariant(), StringComparison.Ordinal);
    }
}
