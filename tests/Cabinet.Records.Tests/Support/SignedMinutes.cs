using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;

namespace Cabinet.Records.Tests.Support;

/// <summary>Sample minutes signed by the secretary, then sealed by the organisation, as the clerk would.</summary>
public static class SignedMinutes
{
    public static async Task<(byte[] Unsigned, byte[] Personal, byte[] Sealed)> CreateAsync(CertificatesFixture certificates)
    {
        var unsigned = MinutesPdfWriter.Write(SampleMinutes.Create());
        var personal = await PdfSigner.SignAsync(unsigned, certificates.Secretary,
            new PdfSignatureRequest("Thư ký ký biên bản cuộc họp") { Location = "Tân Phú" });
        var sealedPdf = await PdfSigner.SignAsync(personal, certificates.Organisation,
            new PdfSignatureRequest("Văn thư đóng dấu cơ quan") { Location = "Tân Phú" });
        return (unsigned, personal, sealedPdf);
    }
}
