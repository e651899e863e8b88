using Cabinet.Testing;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Cabinet.Records.Tests.Support;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Signing;

public sealed class CmsDetachedSignatureTests(CertificatesFixture certificates)
{
    private static readonly byte[] _result = Encoding.UTF8.GetBytes("""{"poll":"p1","for":12,"against":3,"outcome":"Thông qua"}""");

    [Fact]
    public void Openssl_verifies_the_signature_and_rejects_a_flipped_content_byte()
    {
        var signature = CmsDetachedSignature.Sign(_result, certificates.Organisation);
        var content = certificates.NewPath("result.json");
        var sig = certificates.NewPath("result.p7s");
        File.WriteAllBytes(content, _result);
        File.WriteAllBytes(sig, signature);

        var good = OpensslVerify(content, sig);
        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("Verification successful", good.Output);

        var tampered = (byte[])_result.Clone();
        tampered[10] ^= 0x01;
        File.WriteAllBytes(content, tampered);
        var bad = OpensslVerify(content, sig);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("Verification failure", bad.Output);
    }

    [Fact]
    public void Signature_carries_the_baseline_signed_attributes()
    {
        var sig = certificates.NewPath("attrs.p7s");
        File.WriteAllBytes(sig, CmsDetachedSignature.Sign(_result, certificates.Secretary));
        var dump = Tool.Run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", sig).Output;
        Assert.Contains("contentType (1.2.840.113549.1.9.3)", dump);
        Assert.Contains("messageDigest (1.2.840.113549.1.9.4)", dump);
        Assert.Contains("signingTime (1.2.840.113549.1.9.5)", dump);
        Assert.Contains("signingCertificateV2 (1.2.840.113549.1.9.16.2.47)", dump);
        Assert.Contains("sha256", dump);
    }

    [Fact]
    public void Verify_reports_signer_and_time_and_says_why_it_fails()
    {
        var signature = CmsDetachedSignature.Sign(_result, certificates.Secretary);
        var ok = CmsDetachedSignature.Verify(_result, signature, certificates.Authority.RootCertificate);
        Assert.True(ok.IsValid, ok.Failure);
        Assert.Contains("CN=Nguyễn Thị Thư", ok.SignerSubject);
        Assert.NotNull(ok.SigningTime);

        var tampered = (byte[])_result.Clone();
        tampered[^2] ^= 0x20;
        var bad = CmsDetachedSignature.Verify(tampered, signature, certificates.Authority.RootCertificate);
        Assert.False(bad.IsValid);
        Assert.Contains("does not match the content", bad.Failure);

        using var otherCa = CertificateAuthority.Create("Someone else's CA");
        var untrusted = CmsDetachedSignature.Verify(_result, signature, otherCa.RootCertificate);
        Assert.False(untrusted.IsValid);
        Assert.Contains("does not chain to the trusted root", untrusted.Failure);

        Assert.False(CmsDetachedSignature.Verify(_result, "garbage"u8, certificates.Authority.RootCertificate).IsValid);
    }

    [Fact]
    public void Pades_profile_leaves_out_signing_time()
    {
        var signature = CmsDetachedSignature.Sign(_result, certificates.Secretary, CmsProfile.Pades);
        var result = CmsDetachedSignature.Verify(_result, signature, certificates.Authority.RootCertificate);
        Assert.True(result.IsValid, result.Failure);
        Assert.Null(result.SigningTime);
    }

    [Fact]
    public void Development_ca_survives_a_restart_and_pkcs12_identities_load_back()
    {
        var folder = certificates.NewPath("ca");
        using (var created = CertificateAuthority.LoadOrCreate(folder, "dev-pass"))
        using (var loaded = CertificateAuthority.LoadOrCreate(folder, "dev-pass"))
        {
            Assert.Equal(created.RootCertificate.Thumbprint, loaded.RootCertificate.Thumbprint);
            Assert.True(File.Exists(CertificateAuthority.PemPath(folder)));
        }

        var pkcs12 = certificates.Secretary.ExportPkcs12("p12-pass");
        using var identity = SigningIdentity.FromPkcs12(pkcs12, "p12-pass");
        Assert.Equal(certificates.Secretary.Certificate.Thumbprint, identity.Certificate.Thumbprint);
        Assert.Single(identity.Chain);

        var cert = certificates.Organisation.Certificate;
        var usage = cert.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages;
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, usage);
        var ekus = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value);
        Assert.Equal([CertificateAuthority.DocumentSigningOid, CertificateAuthority.MicrosoftDocumentSigningOid,
            CertificateAuthority.EmailProtectionOid], ekus);
        Assert.Contains("C=VN", cert.Subject);
        Assert.Equal(2048, cert.GetRSAPublicKey()!.KeySize);
    }

    private Tool.Result OpensslVerify(string content, string sig) =>
        Tool.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-content", content, "-in", sig,
            "-CAfile", certificates.CaPemPath, "-purpose", "any", "-out", "/dev/null");
}
