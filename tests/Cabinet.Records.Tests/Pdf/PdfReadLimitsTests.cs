using System.IO.Compression;
using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;

namespace Cabinet.Records.Tests.Pdf;

/// <summary>
/// The PDF reader under hostile input: every case is "not a readable PDF" with the reason, never an exception. The
/// reasons are read in English here (<see cref="ReportLanguage.English"/>); the Vietnamese wording is HostileArchiveTests'.
/// </summary>
public sealed class PdfReadLimitsTests(CertificatesFixture certificates)
{
    [Fact]
    public void A_self_referencing_length_is_a_reference_cycle() =>
        Assert.Equal("not a readable PDF (Object 1 refers back to itself (a reference cycle).)", Verify(HostilePdf.SelfReferencingLength()));

    [Fact]
    public void Deep_nesting_stops_at_the_depth_bound()
    {
        Assert.StartsWith("not a readable PDF (Malformed PDF: values nested more than 100 deep", Verify(HostilePdf.DeepNesting(1_000_000)));
        Assert.Equal("it carries no signature", Verify(HostilePdf.DeepNesting(99)));
    }

    [Theory]
    [InlineData("/W[1 4 2]", "", "has no valid /W")]
    [InlineData("/W[1 4 2]", "/W[1 4]", "is not three field widths")]
    [InlineData("/W[1 4 2]", "/W[1 4 20]", "is not three field widths")]
    [InlineData("/W[1 4 2]", "/W[1 x 2]", "impossible /W ('x')")]
    [InlineData("/W[1 4 2]", "/W[1 (x) 2]", "holds a non-number")]
    [InlineData("/W[1 4 2]", "/W[0 0 0]", "is not three field widths")]
    [InlineData("/Size 6", "/Size 99999999999", "impossible /Size")]
    [InlineData("/Size 6", "/Size 6/Index[0 999999999]", "impossible /Index")]
    [InlineData("/Size 6", "/Size 6/Index[0 150000 0 150000]", "within the object limit")]
    [InlineData("/Size 6", "/Size 6/Index[0 6 7]", "is not pairs")]
    [InlineData("/Size 6", "/Size 6/Index[99 6]", "")]
    [InlineData("/Predictor 12/Columns 7", "/Predictor 12/Columns 0", "Unsupported predictor /Columns 0")]
    [InlineData("/Predictor 12/Columns 7", "/Predictor 12/Columns 999999999", "Unsupported predictor /Columns")]
    public void Broken_cross_reference_streams_are_unreadable(string find, string replace, string reason)
    {
        var pdf = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(XrefStreamPdf.Create()).Replace(find, replace, StringComparison.Ordinal));
        var failure = Verify(pdf);
        Assert.True(failure.StartsWith("not a readable PDF (", StringComparison.Ordinal) || failure == "it carries no signature", failure);
        Assert.Contains(reason, failure);
    }

    [Fact]
    public void An_xref_stream_whose_length_is_itself_is_unreadable()
    {
        var text = Encoding.Latin1.GetString(XrefStreamPdf.Create());
        var at = text.IndexOf("5 0 obj", StringComparison.Ordinal);
        var length = text.IndexOf("/Length ", at, StringComparison.Ordinal);
        var end = text.IndexOf(">>", length, StringComparison.Ordinal);
        var pdf = Encoding.Latin1.GetBytes(text[..length] + "/Length 5 0 R" + text[end..]);
        Assert.StartsWith("not a readable PDF (", Verify(pdf));
    }

    [Fact]
    public void A_prev_pointing_at_its_own_section_is_a_loop()
    {
        var text = Encoding.Latin1.GetString(HostilePdf.Build("<</Type/Catalog>>"));
        var xref = text[(text.LastIndexOf("startxref", StringComparison.Ordinal) + 10)..].Split('\n')[0];
        var pdf = Encoding.Latin1.GetBytes(text.Replace("/Root 1 0 R>>", $"/Root 1 0 R/Prev {xref}>>", StringComparison.Ordinal));
        Assert.Equal("not a readable PDF (The cross-reference chain loops or is too long.)", Verify(pdf));
    }

    [Fact]
    public void A_flate_bomb_stops_at_the_decoded_budget()
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[8 * 1024 * 1024]);
        }

        // 8 MiB of zeros in a few kilobytes, as the cross-reference stream: decoded before anything else is read.
        var head = $"%PDF-1.7\n1 0 obj\n<</Type/XRef/Size 2/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/Length {packed.Length}>>\nstream\n";
        var pdf = Encoding.Latin1.GetBytes(head + Encoding.Latin1.GetString(packed.ToArray()) + "\nendstream\nendobj\nstartxref\n9\n%%EOF\n");
        var limits = new PdfReadLimits { MaxDecodedBytes = 1024 * 1024 };
        using var english = ReportLanguage.English();
        var report = PdfSignatureVerifier.Verify(pdf, certificates.Authority.RootCertificate, limits, CancellationToken.None);
        Assert.Equal("not a readable PDF (The PDF's streams decode to more than 1048576 bytes.)", report.Failure);
    }

    [Fact]
    public void Too_many_objects_stop_at_the_object_budget()
    {
        var limits = new PdfReadLimits { MaxObjects = 3 };
        var pdf = HostilePdf.Build("<</Type/Catalog>>", "1", "2", "3", "4");
        using var english = ReportLanguage.English();
        var report = PdfSignatureVerifier.Verify(pdf, certificates.Authority.RootCertificate, limits, CancellationToken.None);
        Assert.Equal("not a readable PDF (The cross-reference data has an impossible subsection count ('6').)", report.Failure);
    }

    private string Verify(byte[] pdf)
    {
        using var english = ReportLanguage.English();
        return PdfSignatureVerifier.Verify(pdf, certificates.Authority.RootCertificate).Failure ?? "valid";
    }
}
