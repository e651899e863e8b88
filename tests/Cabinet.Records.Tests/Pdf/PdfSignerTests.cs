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
        var nss = NssDatabase();
        var result = Tool.Run("pdfsig", "-nssdir", $"sql:{nss}", path);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(2, Count(result.Output, "Signature Validation: Signature is Valid."));
        Assert.Equal(2, Count(result.Output, "Certificate Validation: Certificate is Trusted."));
        Assert.Contains("CN=Nguyễn Thị Thư", result.Output);
        Assert.Contains("CN=UBND xã Tân Phú", result.Output);
        Assert.Contains("Total document signed", result.Output);
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
