using Cabinet.Documents.Pdf;
using Cabinet.Testing;

namespace Cabinet.Documents.Tests;

/// <summary>Files built to cost a parser memory, time or its stack are refused by the budgets before any page is parsed.</summary>
public sealed class HostilePdfTests
{
    private static readonly DocumentLimits Limits = new();

    public static TheoryData<string, string> Hostile() => [.. HostilePdfs.All.Select(h => (h.Name, h.Code))];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Each_hostile_file_is_refused_with_its_code_cheaply(string name, string code)
    {
        var bytes = HostilePdfs.All.Single(h => h.Name == name).Create();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var result = PdfInspection.Inspect(bytes, Limits);

        Assert.False(result.Ok, $"{name} was accepted with {result.Pdf?.PageCount} pages");
        Assert.Equal(code, result.Error!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        // The scan holds no decoded output and no page: what it allocates stays far below what the file claims.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, 64L * 1024 * 1024);
    }

    [Fact]
    public void The_flate_bomb_is_small_and_names_the_stream_budget()
    {
        Assert.InRange(HostilePdfs.FlateBomb.Length, 100_000, 1_000_000);

        var error = PdfStructureScan.Check(HostilePdfs.FlateBomb, Limits);

        Assert.Equal(DocumentErrors.StreamTooLarge(Limits.MaxStreamDecodedBytes), error);
    }

    [Fact]
    public void Many_streams_within_their_own_budget_still_meet_the_total()
    {
        var bomb = HostilePdfs.Bomb(20L * 1024 * 1024);

        Assert.Null(PdfStructureScan.Check(bomb, Limits));
        Assert.Equal(DocumentErrors.TotalTooLarge(10L * 1024 * 1024), PdfStructureScan.Check(bomb, Limits with { MaxStreamDecodedBytes = 64L * 1024 * 1024, MaxTotalDecodedBytes = 10L * 1024 * 1024 }));
    }

    [Fact]
    public void Pages_are_counted_against_the_budget_and_pages_nodes_are_not_pages()
    {
        Assert.Null(PdfStructureScan.Check(HostilePdfs.ManyPages(2000), Limits));
        Assert.Equal(DocumentErrors.TooManyPages(2000), PdfStructureScan.Check(HostilePdfs.ManyPages(2001), Limits));
        Assert.Equal(DocumentErrors.TooManyPages(10), PdfStructureScan.Check(HostilePdfs.ManyPages(11), Limits with { MaxPages = 10 }));
    }

    [Fact]
    public void A_page_tree_listing_the_same_kids_over_and_over_counts_every_listing()
    {
        Assert.Null(PdfStructureScan.Check(HostilePdfs.RepeatedKids(10), Limits));
        Assert.Equal(DocumentErrors.TooManyPages(2000), PdfStructureScan.Check(HostilePdfs.RepeatedKids(11), Limits));
        Assert.Equal(DocumentErrors.TooManyPages(2000), PdfStructureScan.Check(HostilePdfs.RepeatedKids(60), Limits));
    }

    [Fact]
    public void The_scan_stops_at_its_deadline()
    {
        var pages = HostilePdfs.ManyPages(200_000);

        Assert.Equal(DocumentErrors.TooSlow(0), PdfStructureScan.Check(pages, Limits with { MaxPages = int.MaxValue, MaxInspectionSeconds = 0 }));
    }

    [Fact]
    public void Pages_and_nesting_inside_compressed_object_streams_count_too()
    {
        Assert.Null(PdfStructureScan.Check(HostilePdfs.PagesInObjectStream(100), Limits));
        Assert.Equal(DocumentErrors.TooManyPages(2000), PdfStructureScan.Check(HostilePdfs.PagesInObjectStream(2001), Limits));
        Assert.Equal(DocumentErrors.TooDeep(100), PdfStructureScan.Check(HostilePdfs.PagesInObjectStream(1, new string('[', 101)), Limits));
    }

    [Fact]
    public void Nesting_is_held_to_its_depth_and_brackets_inside_strings_and_comments_do_not_count()
    {
        Assert.Null(PdfStructureScan.Check(HostilePdfs.DeepNesting(99), Limits));
        Assert.Equal(DocumentErrors.TooDeep(100), PdfStructureScan.Check(HostilePdfs.DeepNesting(101), Limits));
        var quoted = "%PDF-1.7\n1 0 obj\n<< /A (((\\) [[[[ ) /B <5b5b5b> >>\nendobj\n% [[[[[[\n"u8.ToArray();
        Assert.Null(PdfStructureScan.Check(quoted, Limits with { MaxNestingDepth = 2 }));
    }

    [Fact]
    public void Reference_cycles_through_lengths_are_damaged()
    {
        Assert.Equal(DocumentErrors.Damaged, PdfStructureScan.Check(HostilePdfs.SelfReferencingLength(), Limits));
        Assert.Equal(DocumentErrors.Damaged, PdfStructureScan.Check(HostilePdfs.LengthsOfEachOther(), Limits));
    }

    [Fact]
    public void Escaped_names_are_read_as_the_names_they_spell()
    {
        var text = "%PDF-1.7\n" + string.Concat(Enumerable.Range(1, 3).Select(n => $"{n} 0 obj\n<< /Typ#65 /P#61ge >>\nendobj\n"));

        Assert.Equal(DocumentErrors.TooManyPages(2), PdfStructureScan.Check(System.Text.Encoding.Latin1.GetBytes(text), Limits with { MaxPages = 2 }));
    }

    [Fact]
    public void Every_fixture_pdf_passes_the_scan()
    {
        Assert.All(Fixtures.Pdfs, path => Assert.Null(PdfStructureScan.Check(File.ReadAllBytes(path), Limits)));
    }
}
