using Cabinet.Testing;
using Cabinet.Records.Minutes;
using Cabinet.Records.Tests.Support;

namespace Cabinet.Records.Tests.Minutes;

public sealed class MinutesPdfWriterTests(CertificatesFixture scratch)
{
    [Fact]
    public void Pdftotext_reads_back_the_vietnamese_text_with_its_diacritics()
    {
        var pdf = scratch.NewPath("minutes.pdf");
        File.WriteAllBytes(pdf, MinutesPdfWriter.Write(SampleMinutes.Create()));

        var text = Tool.Run("pdftotext", "-layout", pdf, "-");
        Assert.Equal(0, text.ExitCode);
        foreach (var expected in new[]
        {
            "BIÊN BẢN CUỘC HỌP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
            "Tân Phú, ngày 12 tháng 3 năm 2026", "Đến muộn (08:15)", "Vắng (đi công tác)", "ý kiến về thủ tục",
            "Tán thành: 11", "Kết quả: Thông qua", "Thống nhất thông qua Kế hoạch", "Nguyễn Thị Thư", "CHỦ TỌA", "Trang 1/",
        })
        {
            Assert.Contains(expected, text.Output);
        }
    }

    [Fact]
    public void First_page_renders_ink_and_long_minutes_break_onto_more_pages()
    {
        var pdf = scratch.NewPath("long.pdf");
        File.WriteAllBytes(pdf, MinutesPdfWriter.Write(SampleMinutes.Create(extraItems: 12)));
        Artifacts.Keep(pdf, "minutes-long.pdf");

        var info = Tool.Run("pdfinfo", pdf).Output;
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= 2, info);

        var prefix = scratch.NewPath("page");
        var render = Tool.Run("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix);
        Assert.Equal(0, render.ExitCode);
        Assert.True(PngInk.RowsWithInk(prefix + ".png") > 40, "the first page looks blank");
    }

    [Fact]
    public void Only_the_vendored_noto_serif_faces_are_embedded_and_cut_down_to_the_glyphs_used()
    {
        var pdf = scratch.NewPath("fonts.pdf");
        var bytes = MinutesPdfWriter.Write(SampleMinutes.Create(extraItems: 12));
        File.WriteAllBytes(pdf, bytes);

        var fonts = Tool.Run("pdffonts", pdf);
        Assert.Equal(0, fonts.ExitCode);
        var rows = fonts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("+NotoSerif-Regular", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("+NotoSerif-Bold", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Matches(@"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", r)); // embedded, subset, ToUnicode
        Assert.True(bytes.Length < 200_000, $"{bytes.Length} bytes: the fonts look embedded whole");
    }

    [Fact]
    public void The_document_information_names_cabinet_and_dates_the_file_in_local_time()
    {
        var before = DateTimeOffset.Now.AddSeconds(-2);
        var pdf = scratch.NewPath("info.pdf");
        File.WriteAllBytes(pdf, MinutesPdfWriter.Write(SampleMinutes.Create()));

        var info = Tool.Run("pdfinfo", "-isodates", pdf).Output;
        Assert.Contains("Title:           Biên bản cuộc họp: Phiên họp thường kỳ tháng 3 năm 2026", info);
        Assert.Contains("Author:          Ủy ban nhân dân xã Tân Phú", info);
        Assert.Contains("Creator:         Cabinet", info);
        Assert.Contains("Producer:        Cabinet.Records with SkiaSharp", info);
        var created = DateTimeOffset.Parse(info.Split('\n').Single(l => l.StartsWith("CreationDate:", StringComparison.Ordinal))[13..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(created, before, DateTimeOffset.Now.AddSeconds(2));
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(created), created.Offset);
    }

    [Fact]
    public void Skias_wrong_time_zone_after_local_midnight_east_of_greenwich_is_rewritten_in_place()
    {
        // What SkiaSharp 4.155 writes at 01:59 in Việt Nam: the local time labelled 17 hours behind UTC.
        var written = "<</CreationDate (D:20261124015912-17'00')\n/ModDate (D:20261124015912-17'00')>>"u8.ToArray();
        var length = written.Length;

        var count = Cabinet.Records.Pdf.PdfInfoDates.Rewrite(written, new DateTimeOffset(2026, 11, 24, 1, 59, 12, TimeSpan.FromHours(7)));

        Assert.Equal(2, count);
        Assert.Equal(length, written.Length);
        Assert.Equal("<</CreationDate (D:20261124015912+07'00')\n/ModDate (D:20261124015912+07'00')>>", System.Text.Encoding.ASCII.GetString(written));
    }

    [Fact]
    public void Optional_sections_are_left_out_when_empty()
    {
        var bare = new MinutesModel("Ủy ban nhân dân xã Tân Phú", "Họp đột xuất", SampleMinutes.Start, SampleMinutes.Start.AddHours(1),
            "Phòng họp số 2", new("Trần Văn Bình", "Chủ tịch UBND xã"), new("Nguyễn Thị Thư", "Công chức Văn phòng - Thống kê"));
        var pdf = scratch.NewPath("bare.pdf");
        File.WriteAllBytes(pdf, MinutesPdfWriter.Write(bare));

        var text = Tool.Run("pdftotext", pdf, "-").Output;
        Assert.Contains("Họp đột xuất", text);
        Assert.Contains("Số: ……/BB-……", text);
        Assert.DoesNotContain("Thành phần tham dự", text);
        Assert.DoesNotContain("Tài liệu:", text);
        Assert.DoesNotContain("Kết luận:", text);
    }
}
