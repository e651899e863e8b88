using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Records.Trust;
using Cabinet.Testing;

namespace Cabinet.Records.Tests.Pdf;

/// <summary>`verify minutes.pdf`: the file people forward, checked on its own, including what was appended after the signatures.</summary>
public sealed class StandaloneMinutesTests(CertificatesFixture certificates)
{
    [Fact]
    public async Task The_genuine_minutes_are_valid_and_name_each_signer_by_fingerprint()
    {
        var (_, _, minutes) = await SignedMinutes.CreateAsync(certificates);
        var report = MinutesFileVerifier.Verify(minutes, certificates.Authority.RootCertificate);
        var text = string.Join("\n", report.Lines);
        Assert.True(report.IsValid && report.IsTrusted, text);
        Assert.Contains($"Chữ ký Signature1: CN=Nguyễn Thị Thư, O=UBND xã Tân Phú, C=VN [SHA-256 {CertificateNames.Fingerprint(certificates.Secretary.Certificate)}]", text);
        Assert.Contains($"[SHA-256 {CertificateNames.Fingerprint(certificates.Organisation.Certificate)}]", text);
        Assert.Contains($"chuỗi chứng thư dẫn tới CN=Cabinet Development Root CA, O=Cabinet Development Root CA, C=VN [SHA-256 {CertificateNames.Fingerprint(certificates.Authority.RootCertificate)}]", text);

        var pinned = MinutesFileVerifier.Verify(minutes, new ArchiveTrust(certificates.Authority.RootCertificate, new string('A', 64)));
        Assert.Equal(VerdictCodes.OrganisationCertificateNotPinned, pinned.Code);
    }

    [Fact]
    public async Task An_incremental_update_repainting_page_two_after_the_signatures_is_invalid_and_named()
    {
        var (_, _, minutes) = await SignedMinutes.CreateAsync(certificates);
        var repainted = Repaint(minutes, page: 1);
        var report = MinutesFileVerifier.Verify(repainted, certificates.Authority.RootCertificate);
        Assert.Equal(VerdictCodes.PdfUpdatedAfterSigning, report.Code);
        Assert.Equal($"minutes.pdf: một bản cập nhật tăng dần {repainted.Length - minutes.Length} byte được nối sau chữ ký cuối cùng (Signature2), không chữ ký nào phủ phần này",
            report.Failure);
        Assert.StartsWith("KHÔNG HỢP LỆ [minutes.updated_after_signing]: Tệp PDF bị thêm nội dung sau chữ ký cuối cùng", report.Verdict);
    }

    [Fact]
    public async Task Under_a_document_timestamp_only_validation_data_may_be_added()
    {
        var (_, _, minutes) = await SignedMinutes.CreateAsync(certificates);
        var repainted = Repaint(minutes, page: 1);
        Assert.StartsWith("sửa đối tượng trang ",
            PdfUpdateAfterSigning.FirstForbiddenChange(repainted, minutes.Length, repainted.Length, PdfReadLimits.Default, CancellationToken.None));

        // A /DSS with a certificate stream, added to the catalog: what a long-term-validation update writes.
        var file = PdfFile.Open(minutes);
        var update = new PdfIncrementalUpdate(file, minutes);
        var certificate = update.Allocate();
        var dss = update.Allocate();
        var raw = certificates.Organisation.Certificate.RawData;
        update.Write(certificate, $"<< /Length {raw.Length} >>\nstream\n{Encoding.Latin1.GetString(raw)}\nendstream");
        update.Write(dss, new PdfDictionary([new("Certs", new PdfArray([certificate]))]));
        update.Write(file.RootReference, file.GetDictionary(file.RootReference).With("DSS", dss));
        byte[] withDss = [.. minutes, .. update.Finish()];
        Assert.Null(PdfUpdateAfterSigning.FirstForbiddenChange(withDss, minutes.Length, withDss.Length, PdfReadLimits.Default, CancellationToken.None));
    }

    [Fact]
    public void Malformed_minutes_end_in_a_named_verdict()
    {
        var cases = new (byte[] Pdf, string Code, string Start)[]
        {
            (HostilePdf.SelfReferencingLength(), VerdictCodes.PdfUnreadable, "minutes.pdf: không đọc được tệp PDF (Đối tượng 1 tham chiếu vòng lại chính nó"),
            (Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(XrefStreamPdf.Create()).Replace("/W[1 4 2]", "/X[1 4 2]", StringComparison.Ordinal)),
                VerdictCodes.PdfUnreadable, "minutes.pdf: không đọc được tệp PDF (Luồng tham chiếu chéo không có /W hợp lệ.)"),
            ("%PDF-1.7\n"u8.ToArray(), VerdictCodes.PdfUnreadable, "minutes.pdf: không đọc được tệp PDF"),
        };
        foreach (var (pdf, code, start) in cases)
        {
            var report = MinutesFileVerifier.Verify(pdf, certificates.Authority.RootCertificate);
            Assert.Equal(code, report.Code);
            Assert.StartsWith(start, report.Failure);
        }
    }

    [Fact]
    public async Task The_verify_command_checks_a_minutes_file_and_never_trusts_without_a_root()
    {
        var (_, _, minutes) = await SignedMinutes.CreateAsync(certificates);
        var genuine = certificates.NewPath("bien-ban.pdf");
        var repainted = certificates.NewPath("bien-ban-sua.pdf");
        await File.WriteAllBytesAsync(genuine, minutes, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(repainted, Repaint(minutes, page: 1), TestContext.Current.CancellationToken);

        var valid = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", genuine, "--root", certificates.CaPemPath,
            "--expect-org-cert", CertificateNames.Fingerprint(certificates.Organisation.Certificate));
        Assert.True(valid.ExitCode == 0, valid.Output);
        Assert.Contains("HỢP LỆ: mọi kiểm tra đều đạt.", valid.Output);
        Assert.Contains("Biên bản còn nguyên vẹn và mọi chữ ký đều hợp lệ.", valid.Output);

        var english = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", genuine, "--root", certificates.CaPemPath, "--lang", "en");
        Assert.True(english.ExitCode == 0, english.Output);
        Assert.Contains("The minutes are intact and every signature is valid.", english.Output);
        Assert.Contains("VALID: every check passed.", english.Output);
        Assert.DoesNotContain("hợp lệ", english.Output, StringComparison.OrdinalIgnoreCase);

        var invalid = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", repainted, "--root", certificates.CaPemPath);
        Assert.True(invalid.ExitCode == 1, invalid.Output);
        Assert.Contains("KHÔNG HỢP LỆ [minutes.updated_after_signing]", invalid.Output);

        var untrusted = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", genuine);
        Assert.True(untrusted.ExitCode == 1, untrusted.Output);
        Assert.Contains("Không có chứng thư gốc tin cậy: chỉ kiểm tra được tính toàn vẹn", untrusted.Output);
        Assert.Contains("NGUYÊN VẸN NHƯNG CHƯA ĐƯỢC TIN CẬY", untrusted.Output);

        var badLanguage = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", genuine, "--lang", "fr");
        Assert.Equal(2, badLanguage.ExitCode);

        var badPin = Tool.Run("dotnet", RepositoryPaths.WebAssembly, "verify", genuine, "--root", certificates.CaPemPath, "--expect-org-cert", "abc");
        Assert.Equal(2, badPin.ExitCode);
    }

    /// <summary>Appends an incremental update that gives page <paramref name="page"/> (0-based) new content: a white box with other text.</summary>
    private static byte[] Repaint(byte[] pdf, int page)
    {
        var file = PdfFile.Open(pdf);
        var update = new PdfIncrementalUpdate(file, pdf);
        var reference = file.PageReferences()[page];
        var content = update.Allocate();
        const string paint = "q 1 1 1 rg 0 0 595 842 re f Q BT /F1 14 Tf 72 700 Td (Bien ban da duoc sua) Tj ET";
        update.Write(content, $"<< /Length {paint.Length} >>\nstream\n{paint}\nendstream");
        update.Write(reference, file.GetDictionary(reference).With("Contents", content));
        return [.. pdf, .. update.Finish()];
    }
}
