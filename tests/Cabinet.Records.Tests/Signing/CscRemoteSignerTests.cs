using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Signing;

/// <summary>The seal through a remote signing service (CSC API v2 shape): the key stays there, the signatures verify here.</summary>
public sealed class CscRemoteSignerTests(CertificatesFixture certificates)
{
    [Fact]
    public async Task A_csc_service_seals_minutes_and_results_that_pdfsig_and_the_cms_verifier_trust_and_a_wrong_token_is_refused()
    {
        await using var service = CscSigningService.Start([certificates.Organisation.Certificate, .. certificates.Organisation.Chain]);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", service.AccessToken);
        using var seal = await CscRemoteSigner.ConnectAsync(http, service.BaseUrl, CscSigningService.CredentialId,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(certificates.Organisation.Certificate.Thumbprint, seal.Certificate.Thumbprint);
        Assert.False(seal.Certificate.HasPrivateKey);

        var signed = await PdfSigner.SignAsync(MinutesPdfWriter.Write(SampleMinutes.Create()), seal,
            new PdfSignatureRequest("Văn thư đóng dấu cơ quan") { FieldName = "CoQuan" }, TestContext.Current.CancellationToken);
        var path = certificates.NewPath("csc.pdf");
        File.WriteAllBytes(path, signed);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(certificates.NewPath("nss"), certificates.CaPemPath), path);
        Assert.True(pdfsig.Output.Contains("Signature Validation: Signature is Valid.", StringComparison.Ordinal), pdfsig.Output);
        Assert.Contains("Certificate Validation: Certificate is Trusted.", pdfsig.Output);

        var result = Encoding.UTF8.GetBytes("""{"poll":"p1","outcome":"Thông qua"}""");
        var cms = await seal.SignAsync(result, CmsProfile.Cades, TestContext.Current.CancellationToken);
        var verified = CmsDetachedSignature.Verify(result, cms, certificates.Authority.RootCertificate);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal(2, service.Signed);

        using var stranger = new HttpClient();
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sai");
        var refused = await Assert.ThrowsAsync<CryptographicException>(() =>
            CscRemoteSigner.ConnectAsync(stranger, service.BaseUrl, CscSigningService.CredentialId, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("401", refused.Message);
    }
}
