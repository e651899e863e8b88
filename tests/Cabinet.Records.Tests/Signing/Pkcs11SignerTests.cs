using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Signing;

/// <summary>The seal from a PKCS#11 token (SoftHSM2): the key never leaves it, and the signatures verify as any other.</summary>
public sealed class Pkcs11SignerTests(CertificatesFixture certificates)
{
    // One token per test process: SoftHSM reads its configuration once per load of the library.
    private static readonly Lazy<SoftHsmToken> _token = new(() => SoftHsmToken.Create());

    [Fact]
    public async Task A_softhsm_token_seals_minutes_with_rsa_and_ecdsa_keys_that_pdfsig_and_the_cms_verifier_trust()
    {
        var token = _token.Value;
        using var organisation = certificates.Authority.IssueOrganisation("UBND xã Tân Phú", organizationId: "tan-phu");
        using (var sealKey = organisation.Certificate.GetRSAPrivateKey()!)
        {
            token.Import("seal", sealKey, organisation.Certificate, "01");
        }

        using var ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ecCertificate = certificates.Authority.CertifyDeviceKey("thu.nt", "Nguyễn Thị Thư", "UBND xã Tân Phú", ecKey.ExportSubjectPublicKeyInfo());
        token.Import("secretary-ec", ecKey, ecCertificate, "02");
        token.AddCertificate("root", certificates.Authority.RootCertificate, "ff");

        using var seal = Pkcs11Signer.Open(SoftHsmToken.Library, token.Label, token.Pin, "seal");
        using var secretary = Pkcs11Signer.Open(SoftHsmToken.Library, token.Label, token.Pin, "secretary-ec");
        Assert.Equal(organisation.Certificate.Thumbprint, seal.Certificate.Thumbprint);
        Assert.False(seal.Certificate.HasPrivateKey);
        Assert.Contains(seal.Chain, c => c.Subject == certificates.Authority.RootCertificate.Subject);

        var unsigned = MinutesPdfWriter.Write(SampleMinutes.Create());
        var signed = await PdfSigner.SignAsync(unsigned, secretary, new PdfSignatureRequest("Thư ký ký biên bản cuộc họp") { FieldName = "ThuKy" },
            TestContext.Current.CancellationToken);
        signed = await PdfSigner.SignAsync(signed, seal, new PdfSignatureRequest("Văn thư đóng dấu cơ quan") { FieldName = "CoQuan" },
            TestContext.Current.CancellationToken);
        var path = certificates.NewPath("pkcs11.pdf");
        File.WriteAllBytes(path, signed);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(certificates.NewPath("nss"), certificates.CaPemPath), path);
        Assert.True(pdfsig.Output.Split("Signature Validation: Signature is Valid.").Length - 1 == 2, pdfsig.Output);
        Assert.Equal(2, pdfsig.Output.Split("Certificate Validation: Certificate is Trusted.").Length - 1);
        Assert.Contains("Signer full Distinguished Name: CN=UBND xã Tân Phú", pdfsig.Output);
        Assert.Contains("Signer full Distinguished Name: CN=Nguyễn Thị Thư", pdfsig.Output);
        Assert.Equal(2, PdfSignatureVerifier.Verify(signed, certificates.Authority.RootCertificate).Signatures.Count(s => s.IsValid));
        var artifacts = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName;
        await File.WriteAllTextAsync(Path.Combine(artifacts, "pdfsig-pkcs11-seal.txt"), pdfsig.Output, TestContext.Current.CancellationToken);

        var result = Encoding.UTF8.GetBytes("""{"poll":"p1","outcome":"Thông qua"}""");
        var cms = await seal.SignAsync(result, CmsProfile.Cades, TestContext.Current.CancellationToken);
        var verified = CmsDetachedSignature.Verify(result, cms, certificates.Authority.RootCertificate);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal(organisation.Certificate.Subject, verified.SignerSubject);
    }

    [Fact]
    public void A_wrong_pin_or_label_is_refused_clearly()
    {
        var token = _token.Value;
        Assert.ThrowsAny<Exception>(() => Pkcs11Signer.Open(SoftHsmToken.Library, token.Label, "0000", "seal"));
        var missing = Assert.Throws<CryptographicException>(() => Pkcs11Signer.Open(SoftHsmToken.Library, "no-such-token", token.Pin, "seal"));
        Assert.Contains("no-such-token", missing.Message);
        var noKey = Assert.Throws<CryptographicException>(() => Pkcs11Signer.Open(SoftHsmToken.Library, token.Label, token.Pin, "absent"));
        Assert.Contains("'absent'", noKey.Message);
    }
}
