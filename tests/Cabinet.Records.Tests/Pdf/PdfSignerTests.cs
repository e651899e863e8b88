using Cabinet.Testing;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;

namespace Cabinet.Records.Tests.Pdf;

public sealed class PdfSignerTests(CertificatesFixture certificates)
{
    [Fact]
    public async Task Pdfsig_validates_both_signatures_and_trusts_the_development_ca()
    {
        var (unsigned, personal, sealedPdf) = await SignedMinutes.CreateAsync(certificates);
        Assert.Equal(unsigned, personal.AsSpan(0, unsigned.Length).ToArray());
        Assert.Equal(personal, sealedPdf.AsSpan(0, personal.Length).ToArray());

        var path = certificates.NewPath("sealed.pdf");
        File.WriteAllBytes(path, sealedPdf);
        Artifacts.Keep(path, "minutes-signed-twice.pdf");
        Artifacts.Keep(certificates.CaPemPath, "dev-root-ca.pem");
        var nss = NssDatabase();
        var result = Tool.Run("pdfsig", "-nssdir", $"sql:{nss}", path);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(2, Count(result.Output, "Signature Validation: Signature is Valid."));
        Assert.Equal(2, Count(result.Output, "Certificate Validation: Certificate is Trusted."));
        Assert.Contains("CN=Nguyễn Thị Thư", result.Output);
        Assert.Contains("CN=UBND xã Tân Phú", result.Output);
        Assert.Contains("Total document signed", result.Output);

        // Signing appends only; the document still renders and reads the same.
        var prefix = certificates.NewPath("sealed-page");
        Assert.Equal(0, Tool.Run("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", path, prefix).ExitCode);
        Assert.True(PngInk.RowsWithInk(prefix + ".png") > 40, "the signed minutes' first page looks blank");
        Artifacts.Keep(prefix + ".png", "minutes-signed-page1.png");
        Assert.Contains("BIÊN BẢN CUỘC HỌP", Tool.Run("pdftotext", path, "-").Output);
    }

    [Fact]
    public async Task Pdfs_with_cross_reference_and_object_streams_are_signed_incrementally_too()
    {
        var original = XrefStreamPdf.Create();
        var path = certificates.NewPath("xref-stream.pdf");
        File.WriteAllBytes(path, original);
        Assert.Contains("Pages:           1", Tool.Run("pdfinfo", path).Output);

        var once = await PdfSigner.SignAsync(original, certificates.Secretary, new PdfSignatureRequest("Ký"), TestContext.Current.CancellationToken);
        var twice = await PdfSigner.SignAsync(once, certificates.Organisation, new PdfSignatureRequest("Đóng dấu"), TestContext.Current.CancellationToken);
        File.WriteAllBytes(path, twice);

        var output = Tool.Run("pdfsig", "-nssdir", $"sql:{NssDatabase()}", path).Output;
        Assert.Equal(2, Count(output, "Signature Validation: Signature is Valid."));
        Assert.Equal(2, Count(output, "Certificate Validation: Certificate is Trusted."));
        var report = PdfSignatureVerifier.Verify(twice, certificates.Authority.RootCertificate);
        Assert.True(report.IsValid, report.Failure);
        Assert.Equal(2, report.Signatures.Count);
    }

    [Fact]
    public async Task A_byte_changed_in_the_first_signed_range_breaks_the_first_signature()
    {
        var (_, _, sealedPdf) = await SignedMinutes.CreateAsync(certificates);
        var tampered = (byte[])sealedPdf.Clone();
        var at = System.Text.Encoding.ASCII.GetString(tampered).IndexOf("/Creator", StringComparison.Ordinal);
        tampered[at + 2] ^= 0x01;
        var path = certificates.NewPath("tampered.pdf");
        File.WriteAllBytes(path, tampered);

        var output = Tool.Run("pdfsig", "-nssdir", $"sql:{NssDatabase()}", path).Output;
        var first = output[output.IndexOf("Signature #1", StringComparison.Ordinal)..output.IndexOf("Signature #2", StringComparison.Ordinal)];
        Assert.DoesNotContain("Signature is Valid.", first);
        Assert.Contains("Signature Validation: Digest Mismatch.", first);
    }

    [Fact]
    public async Task The_csharp_verifier_agrees_with_pdfsig()
    {
        var (unsigned, personal, sealedPdf) = await SignedMinutes.CreateAsync(certificates);
        var root = certificates.Authority.RootCertificate;

        var report = PdfSignatureVerifier.Verify(sealedPdf, root);
        Assert.True(report.IsValid, report.Failure);
        Assert.Equal(["Signature1", "Signature2"], report.Signatures.Select(s => s.FieldName));
        Assert.Equal(personal.Length, report.Signatures[0].SignedLength);
        Assert.Equal(sealedPdf.Length, report.Signatures[1].SignedLength);
        Assert.Contains("CN=UBND xã Tân Phú", report.Signatures[1].SignerSubject);
        Assert.NotNull(report.Signatures[0].SigningTime);

        Assert.Equal("tệp không có chữ ký số", PdfSignatureVerifier.Verify(unsigned, root).Failure);

        var tampered = (byte[])sealedPdf.Clone();
        tampered[System.Text.Encoding.ASCII.GetString(tampered).IndexOf("/Creator", StringComparison.Ordinal) + 2] ^= 0x01;
        var broken = PdfSignatureVerifier.Verify(tampered, root);
        Assert.False(broken.IsValid);
        Assert.StartsWith("chữ ký Signature1 (", broken.Failure);
        Assert.Contains("chữ ký không khớp với nội dung", broken.Failure);

        var appended = PdfSignatureVerifier.Verify([.. sealedPdf, .. "% appended\n"u8.ToArray()], root);
        Assert.Equal("một bản cập nhật tăng dần 11 byte được nối sau chữ ký cuối cùng (Signature2), không chữ ký nào phủ phần này", appended.Failure);

        Assert.StartsWith("không đọc được tệp PDF", PdfSignatureVerifier.Verify("hello"u8.ToArray(), root).Failure);
    }

    [Fact]
    public async Task The_first_signature_gives_a_file_without_an_id_a_permanent_one_and_later_ones_keep_it()
    {
        var (unsigned, personal, sealedPdf) = await SignedMinutes.CreateAsync(certificates);
        Assert.Null(PdfFile.Open(unsigned).Trailer["ID"]); // Skia writes /ID only for PDF/A

        var id = PdfFile.Open(personal).Trailer["ID"] as PdfArray;
        Assert.NotNull(id);
        Assert.Equal(2, id.Items.Count);
        Assert.All(id.Items, item => Assert.Equal(16, Assert.IsType<PdfBytes>(item).Value.Length));
        Assert.Equal(id.ToString(), PdfFile.Open(sealedPdf).Trailer["ID"]?.ToString());
    }

    private string NssDatabase()
    {
        var folder = certificates.NewPath("nss");
        Directory.CreateDirectory(folder);
        var created = Tool.Run("certutil", "-N", "-d", $"sql:{folder}", "--empty-password");
        Assert.True(created.ExitCode == 0, created.Output);
        var added = Tool.Run("certutil", "-A", "-d", $"sql:{folder}", "-n", "cabinet-ca", "-t", "CT,C,C", "-i", certificates.CaPemPath);
        Assert.True(added.ExitCode == 0, added.Output);
        return folder;
    }

    private static int Count(string text, string value) => text.Split(value).Length - 1;
}
