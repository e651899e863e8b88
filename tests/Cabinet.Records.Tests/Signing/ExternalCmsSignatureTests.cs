using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Signing;

/// <summary>
/// A CMS whose signature a device made over the signed attributes the server built: it verifies in .NET and in
/// openssl as a PAdES-baseline detached signature, and a signature over anything else is not assembled at all.
/// </summary>
public sealed class ExternalCmsSignatureTests(CertificatesFixture certificates)
{
    private static readonly byte[] Content = "%PDF-1.7 the minutes' signed byte range"u8.ToArray();

    [Fact]
    public void The_device_signs_the_signed_attributes_and_the_assembled_cms_verifies_in_dotnet_and_openssl()
    {
        using var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = certificates.Authority.CertifyDeviceKey("thuky", "Tô Xuân Minh", "UBND tỉnh", device.ExportSubjectPublicKeyInfo());
        var attributes = ExternalCmsSignature.SignedAttributes(Content, certificate);
        var signature = device.SignData(attributes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var cms = ExternalCmsSignature.Assemble(attributes, signature, certificate, [certificates.Authority.RootCertificate]);

        Assert.NotNull(cms);
        var verified = CmsDetachedSignature.Verify(Content, cms, certificates.Authority.RootCertificate);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Null(verified.SigningTime); // PAdES: the time is the PDF's /M, not a signed attribute
        var decoded = new SignedCms(new ContentInfo(Content), detached: true);
        decoded.Decode(cms);
        Assert.Equal(3, decoded.SignerInfos[0].SignedAttributes.Count);
        var folder = certificates.NewPath("external-cms");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "content"), Content);
        File.WriteAllBytes(Path.Combine(folder, "signature.p7s"), cms);
        var openssl = Tool.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "signature.p7s"),
            "-content", Path.Combine(folder, "content"), "-CAfile", certificates.CaPemPath, "-purpose", "any", "-out", "/dev/null");
        Assert.True(openssl.ExitCode == 0, openssl.Output);
    }

    [Fact]
    public void A_signature_over_other_bytes_or_by_another_key_is_not_assembled()
    {
        using var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = certificates.Authority.CertifyDeviceKey("chutich", "Lý Như Tâm", "UBND tỉnh", device.ExportSubjectPublicKeyInfo());
        var attributes = ExternalCmsSignature.SignedAttributes(Content, certificate);
        var otherAttributes = ExternalCmsSignature.SignedAttributes("other bytes"u8, certificate);

        byte[][] forged =
        [
            device.SignData(otherAttributes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            other.SignData(attributes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            device.SignData(attributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), // not r‖s
            [],
        ];

        Assert.All(forged, f => Assert.Null(ExternalCmsSignature.Assemble(attributes, f, certificate, [certificates.Authority.RootCertificate])));
    }
}
