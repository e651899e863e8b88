using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Signing;

/// <summary>The certificates the development CA issues carry what the verifier checks (the contract in issue 16).</summary>
public sealed class CertificateContractTests(CertificatesFixture certificates)
{
    [Fact]
    public void A_device_key_is_certified_as_the_person_without_its_private_key_and_openssl_reads_the_contract()
    {
        using var authority = CertificateAuthority.LoadOrCreate(certificates.NewPath("ca"), "pass", "https://hop.example.vn/");
        using var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = authority.CertifyDeviceKey("thu.nt", "Nguyễn Thị Thư", "UBND xã Tân Phú", device.ExportSubjectPublicKeyInfo());

        Assert.False(issued.HasPrivateKey);
        Assert.Equal(device.ExportSubjectPublicKeyInfo(), issued.PublicKey.ExportSubjectPublicKeyInfo());
        var pem = certificates.NewPath("device.pem");
        File.WriteAllText(pem, issued.ExportCertificatePem());
        var text = Tool.Run("openssl", "x509", "-in", pem, "-noout", "-text", "-nameopt", "utf8,sep_comma_plus_space,sname").Output;
        string[] expected = [
            "Subject: C=VN, O=UBND xã Tân Phú, UID=thu.nt, CN=Nguyễn Thị Thư", "critical", "Digital Signature, Non Repudiation",
            "1.3.6.1.5.5.7.3.36", "1.3.6.1.4.1.311.10.3.12", "E-mail Protection", "CA:FALSE",
            $"URI:https://hop.example.vn/pki/crl/{authority.CrlName}.crl", "X509v3 Authority Key Identifier", "X509v3 Subject Key Identifier",
        ];
        Assert.All(expected, e => Assert.True(text.Contains(e, StringComparison.Ordinal), $"'{e}' missing from:\n{text}"));
        Assert.DoesNotContain("organizationIdentifier", text);
    }

    [Fact]
    public void The_organisation_certificate_names_its_cabinet_identifier()
    {
        using var organisation = certificates.Authority.IssueOrganisation("UBND xã Tân Phú", organizationId: "tan-phu");
        var name = organisation.Certificate.SubjectName.EnumerateRelativeDistinguishedNames().ToDictionary(n => n.GetSingleElementType().Value!, n => n.GetSingleElementValue());
        Assert.Equal("CABINET:tan-phu", name[CertificateAuthority.OrganizationIdentifierOid]);
        Assert.Equal("UBND xã Tân Phú", name["2.5.4.3"]);
        Assert.Equal("UBND xã Tân Phú", name["2.5.4.10"]);
    }

    [Theory]
    [InlineData("p192")]
    [InlineData("rsa1024")]
    [InlineData("garbage")]
    public void A_weak_or_malformed_device_key_is_refused(string kind)
    {
        byte[] spki = kind switch
        {
            "p192" => Weak(() => ECDsa.Create(ECCurve.CreateFromValue("1.2.840.10045.3.1.1"))),
            "rsa1024" => Weak(() => RSA.Create(1024)),
            _ => [0x30, 0x03, 0x02, 0x01, 0x01],
        };
        Assert.Throws<ArgumentException>(() => certificates.Authority.CertifyDeviceKey("a", "A", "O", spki));
    }

    [Fact]
    public void A_revoked_certificate_is_listed_in_the_crl_which_survives_a_restart_and_openssl_verifies()
    {
        var folder = certificates.NewPath("ca");
        using var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        X509Certificate2 issued;
        using (var authority = CertificateAuthority.LoadOrCreate(folder, "pass"))
        {
            issued = authority.CertifyDeviceKey("thu.nt", "Nguyễn Thị Thư", "UBND xã Tân Phú", device.ExportSubjectPublicKeyInfo());
            authority.Revoke(issued);
        }

        using var reloaded = CertificateAuthority.LoadOrCreate(folder, "pass");
        var crl = certificates.NewPath("ca.crl");
        File.WriteAllBytes(crl, reloaded.Crl());
        var text = Tool.Run("openssl", "crl", "-inform", "DER", "-in", crl, "-noout", "-text", "-CAfile", CertificateAuthority.PemPath(folder));
        Assert.Contains("verify OK", text.Output);
        Assert.Contains(issued.SerialNumber, text.Output.Replace(":", "").ToUpperInvariant().Replace(" ", ""));
        Assert.Contains("Key Compromise", text.Output);
        issued.Dispose();
    }

    private static byte[] Weak(Func<AsymmetricAlgorithm> create)
    {
        using var key = create();
        return key.ExportSubjectPublicKeyInfo();
    }
}
