using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Testing;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Pdf;

/// <summary>
/// PAdES-B-T, -B-LT and -B-LTA against a real RFC 3161 authority (openssl ts behind HTTP): each signature carries a
/// timestamp token, the DSS holds every chain and CRL, and a document timestamp closes the file.
/// </summary>
public sealed class PadesLongTermTests(CertificatesFixture certificates) : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private TimestampAuthority _tsa = default!;

    public ValueTask InitializeAsync()
    {
        _tsa = TimestampAuthority.Start("cabinet", "tsa-secret");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _tsa.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Minutes_reach_b_lta_pdfsig_trusts_every_signature_and_the_document_timestamp_and_openssl_shows_the_tokens()
    {
        var client = new TimestampClient(_http, _tsa.Url, _tsa.User, _tsa.Password);
        var unsigned = MinutesPdfWriter.Write(SampleMinutes.Create());
        var signed = await PdfSigner.SignAsync(unsigned, new TimestampingSigner(certificates.Secretary, client),
            new PdfSignatureRequest("Thư ký ký biên bản cuộc họp") { FieldName = "ThuKy" }, TestContext.Current.CancellationToken);
        signed = await PdfSigner.SignAsync(signed, new TimestampingSigner(certificates.Organisation, client),
            new PdfSignatureRequest("Văn thư đóng dấu cơ quan") { FieldName = "CoQuan" }, TestContext.Current.CancellationToken);
        var withDss = await PdfValidationData.AddAsync(signed, CrlFor, TestContext.Current.CancellationToken);
        var final = await PdfSigner.TimestampAsync(withDss, client, TestContext.Current.CancellationToken);
        Assert.Equal(signed, final.AsSpan(0, signed.Length).ToArray());
        Assert.Equal(3, _tsa.Answered);

        var path = certificates.NewPath("lta.pdf");
        File.WriteAllBytes(path, final);
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(certificates.NewPath("nss"), certificates.CaPemPath, _tsa.RootPemPath), path);
        var report = new System.Text.StringBuilder("$ pdfsig minutes.pdf (PAdES-B-LTA)\n").Append(pdfsig.Output);
        Assert.True(pdfsig.ExitCode == 0, pdfsig.Output);
        // Poppler 22 lists a document timestamp but cannot validate one ("Unimplemented Feature"): openssl ts does, below.
        Assert.True(Count(pdfsig.Output, "Signature Validation: Signature is Valid.") == 2, pdfsig.Output);
        Assert.Equal(2, Count(pdfsig.Output, "Certificate Validation: Certificate is Trusted."));
        Assert.Equal(2, Count(pdfsig.Output, "ETSI.CAdES.detached"));
        Assert.Contains("Signer Certificate Common Name: Cabinet Test TSA", pdfsig.Output);
        Assert.Equal(1, Count(pdfsig.Output, "Total document signed"));

        var file = PdfFile.Open(final);
        var dss = file.GetDictionary(file.GetDictionary(file.RootReference)["DSS"]);
        var dssCertificates = Streams(path, file, dss["Certs"]).Select(X509CertificateLoader.LoadCertificate).ToList();
        var subjects = dssCertificates.Select(c => c.Subject).ToList();
        Assert.Contains(subjects, s => s.Contains("CN=Nguyễn Thị Thư", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("CN=UBND xã Tân Phú", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("CN=Cabinet Test TSA,", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("CN=Cabinet Test TSA Root", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.Contains("CN=Cabinet Development Root CA", StringComparison.Ordinal));
        var crlIssuers = Streams(path, file, dss["CRLs"]).Select(CrlIssuer).ToList();
        Assert.Contains(crlIssuers, i => i.Contains("Cabinet Development Root CA", StringComparison.Ordinal));
        Assert.Contains(crlIssuers, i => i.Contains("Cabinet Test TSA Root", StringComparison.Ordinal));
        report.Append("\n$ DSS of minutes.pdf\nCerts:\n").AppendJoin("\n", subjects.Select(s => "  " + s))
            .Append("\nCRLs:\n").AppendJoin("\n", crlIssuers.Select(i => "  " + i)).Append('\n');

        foreach (var (name, cms) in SignatureContents(file))
        {
            var cmsPath = certificates.NewPath($"{name}.p7s");
            File.WriteAllBytes(cmsPath, cms);
            var printed = Tool.Run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", cmsPath);
            Assert.True(printed.ExitCode == 0, printed.Output);
            if (name == "DocTimeStamp")
            {
                var token = Tool.Run("openssl", "ts", "-reply", "-token_in", "-in", cmsPath, "-token_out", "-text");
                Assert.Contains("Policy OID: 1.3.6.1.4.1.55555.1.1", token.Output);
                var covered = certificates.NewPath("covered.bin");
                File.WriteAllBytes(covered, CoveredBytes(final, file));
                var documentVerified = Tool.Run("openssl", "ts", "-verify", "-data", covered, "-in", cmsPath, "-token_in",
                    "-CAfile", _tsa.RootPemPath, "-untrusted", _tsa.CertificatePemPath);
                Assert.True(documentVerified.Output.Contains("Verification: OK", StringComparison.Ordinal), documentVerified.Output);
                report.Append("\n$ openssl ts -reply -token_in -in DocTimeStamp.p7s -token_out -text\n").Append(token.Output)
                    .Append("\n$ openssl ts -verify -data <the document timestamp's byte range> -in DocTimeStamp.p7s -token_in -CAfile tsa-root.pem\n")
                    .Append(documentVerified.Output);
                continue;
            }

            Assert.Contains("id-smime-aa-timeStampToken", printed.Output);
            var stamp = new SignedCms();
            var signature = new SignedCms();
            signature.Decode(cms);
            stamp.Decode(signature.SignerInfos[0].UnsignedAttributes
                .Cast<System.Security.Cryptography.CryptographicAttributeObject>().Single(a => a.Oid.Value == SignatureTimestamps.Oid).Values[0].RawData);
            var tokenPath = certificates.NewPath($"{name}.tst");
            File.WriteAllBytes(tokenPath, stamp.Encode());
            var text = Tool.Run("openssl", "ts", "-reply", "-token_in", "-in", tokenPath, "-token_out", "-text");
            Assert.Contains("Hash Algorithm: sha256", text.Output);
            var imprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signature.SignerInfos[0].GetSignature()));
            var verified = Tool.Run("openssl", "ts", "-verify", "-digest", imprint, "-in", tokenPath, "-token_in",
                "-CAfile", _tsa.RootPemPath, "-untrusted", _tsa.CertificatePemPath);
            Assert.True(verified.Output.Contains("Verification: OK", StringComparison.Ordinal), verified.Output);
            report.Append(CultureInfo($"\n$ openssl cms -cmsout -print -inform DER -in {name}.p7s  (unsigned attributes)\n"))
                .Append(UnsignedAttributes(printed.Output))
                .Append(CultureInfo($"\n$ openssl ts -reply -token_in -in {name}.tst -token_out -text\n")).Append(text.Output)
                .Append(CultureInfo($"\n$ openssl ts -verify -digest <SHA-256 of {name}'s signature value> -in {name}.tst -token_in -CAfile tsa-root.pem\n"))
                .Append(verified.Output);
        }

        var artifacts = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "artifacts")).FullName;
        await File.WriteAllTextAsync(Path.Combine(artifacts, "pades-lta-minutes.txt"), report.ToString(), TestContext.Current.CancellationToken);
        File.Copy(path, Path.Combine(artifacts, "pades-lta-minutes.pdf"), overwrite: true);
    }

    [Fact]
    public async Task A_timestamp_authority_that_is_down_fails_the_signature_with_a_clear_error_and_changes_nothing()
    {
        var client = new TimestampClient(_http, _tsa.Url, _tsa.User, _tsa.Password);
        var unsigned = MinutesPdfWriter.Write(SampleMinutes.Create());
        var copy = unsigned.ToArray();
        _tsa.Down = true;
        var down = await Assert.ThrowsAsync<TimestampUnavailableException>(() => PdfSigner.SignAsync(unsigned,
            new TimestampingSigner(certificates.Secretary, client), new PdfSignatureRequest("Thư ký ký biên bản cuộc họp")));
        Assert.Contains("503", down.Message);
        Assert.Equal(copy, unsigned);

        var wrongPassword = new TimestampClient(_http, _tsa.Url, _tsa.User, "wrong");
        _tsa.Down = false;
        var refused = await Assert.ThrowsAsync<TimestampUnavailableException>(() => PdfSigner.TimestampAsync(unsigned, wrongPassword));
        Assert.Contains("401", refused.Message);
        Assert.Equal(0, _tsa.Answered);
    }

    private async Task<byte[]?> CrlFor(X509Certificate2 certificate, CancellationToken cancellationToken) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(certificates.Authority.RootCertificate.SubjectName.RawData)
            ? certificates.Authority.Crl()
            : await CrlDownloads.FetchAsync(_http, certificate, cancellationToken);

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    private static string UnsignedAttributes(string printed) =>
        printed[Math.Max(0, printed.IndexOf("unsignedAttrs", StringComparison.Ordinal))..] is var tail && tail.Length > 1500 ? tail[..1500] + "\n  …\n" : printed;

    /// <summary>The streams an array refers to, decoded by qpdf (an independent reader).</summary>
    private static List<byte[]> Streams(string path, PdfFile file, PdfValue? array) =>
        [.. ((PdfArray)file.Resolve(array)!).Items.Cast<PdfReference>().Select(item =>
        {
            var output = $"{path}.{item.Number}.bin";
            var result = Tool.Run("sh", "-c", $"qpdf --show-object={item.Number} --filtered-stream-data '{path}' > '{output}'");
            Assert.True(result.ExitCode == 0, result.Output);
            return File.ReadAllBytes(output);
        })];

    /// <summary>What the last signature's /ByteRange covers (the document timestamp is the last revision).</summary>
    private static byte[] CoveredBytes(byte[] pdf, PdfFile file)
    {
        var form = file.GetDictionary(file.GetDictionary(file.RootReference)["AcroForm"]);
        var last = file.GetDictionary(file.GetDictionary(((PdfArray)file.Resolve(form["Fields"])!).Items[^1])["V"]);
        var range = ((PdfArray)last["ByteRange"]!).Items.Cast<PdfAtom>().Select(a => (int)a.AsLong()).ToArray();
        return [.. pdf.AsSpan(range[0], range[1]), .. pdf.AsSpan(range[2], range[3])];
    }

    private static string CrlIssuer(byte[] crl)
    {
        var reader = new System.Formats.Asn1.AsnReader(crl, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence().ReadSequence();
        if (reader.PeekTag().HasSameClassAndValue(System.Formats.Asn1.Asn1Tag.Integer))
        {
            reader.ReadInteger();
        }

        reader.ReadSequence();
        return new X500DistinguishedName(reader.ReadEncodedValue().ToArray()).Name;
    }

    private static IEnumerable<(string Name, byte[] Cms)> SignatureContents(PdfFile file)
    {
        var form = file.GetDictionary(file.GetDictionary(file.RootReference)["AcroForm"]);
        foreach (var field in ((PdfArray)file.Resolve(form["Fields"])!).Items)
        {
            var dictionary = file.GetDictionary(field);
            var value = file.GetDictionary(dictionary["V"]);
            var contents = ((PdfBytes)value["Contents"]!).Value;
            System.Formats.Asn1.AsnDecoder.ReadEncodedValue(contents, System.Formats.Asn1.AsnEncodingRules.BER, out _, out _, out var length);
            var name = value["Type"] is PdfName { Value: "DocTimeStamp" } ? "DocTimeStamp" : PdfText.Decode(((PdfBytes)dictionary["T"]!).Value);
            yield return (name, contents[..length]);
        }
    }

    private static int Count(string text, string value) => text.Split(value).Length - 1;
}
