using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Records.Tests.Support;
using Cabinet.Records.Trust;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Archive;

/// <summary>
/// Forgeries an insider could make with certificates under the same root, or a root of their own: only the organisation
/// that owns the meeting may seal it, every verdict names the anchor and the signers by fingerprint, and a pinned seal
/// certificate catches a root handed over by the forger.
/// </summary>
public sealed class ArchiveTrustTests(CertificatesFixture certificates, ArchiveTrustTests.Authority fixture) : IClassFixture<ArchiveTrustTests.Authority>
{
    private const string Organisation = "UBND xã Tân Phú";

    [Fact]
    public async Task The_organisations_seal_under_the_contract_is_valid_and_every_certificate_is_printed_with_its_fingerprint()
    {
        var (archive, authority) = await GenuineAsync();
        var report = Verify(archive, new ArchiveTrust(authority.Ca.RootCertificate));
        var text = string.Join("\n", report.Lines);
        Assert.True(report.IsValid && report.IsTrusted, text);
        Assert.Contains($"Chứng thư gốc tin cậy: CN=Cabinet Contract Test Root, C=VN [SHA-256 {CertificateNames.Fingerprint(authority.Ca.Root)}]", text);
        Assert.Contains($"[SHA-256 {CertificateNames.Fingerprint(authority.Seal.Certificate)}]", text);
        Assert.Contains("(organizationIdentifier CABINET:tan-phu)", text);
        Assert.Contains($"[SHA-256 {CertificateNames.Fingerprint(authority.Secretary.Certificate)}]", text); // the minutes' personal signature
        Assert.Contains("chữ ký thiết bị của từng phiếu đã được kiểm tra", text);
        Assert.Contains("kiểm đếm lại theo quy tắc trong kết quả đã ký", text);
        Assert.Equal("HỢP LỆ: mọi kiểm tra đều đạt.", report.Verdict);

        var pinned = Verify(archive, new ArchiveTrust(authority.Ca.RootCertificate, CertificateNames.Fingerprint(authority.Seal.Certificate).ToLowerInvariant()));
        Assert.True(pinned.IsValid, pinned.Failure);
    }

    [Fact]
    public async Task Resealed_by_another_organisations_certificate_under_the_same_root_is_refused()
    {
        var (archive, authority) = await GenuineAsync();
        using var neighbour = authority.Ca.Organisation(Organisation, "tan-hoa");
        var report = Verify(Reseal(archive, neighbour), new ArchiveTrust(authority.Ca.RootCertificate));
        Assert.Equal(VerdictCodes.SignerNotOrganisation, report.Code);
        Assert.StartsWith($"manifest.json: do {neighbour.Certificate.Subject} [SHA-256 {CertificateNames.Fingerprint(neighbour.Certificate)}] ký, không phải con dấu của {Organisation} — chứng thư của cơ quan khác (organizationIdentifier CABINET:tan-hoa", report.Failure);
        Assert.StartsWith("KHÔNG HỢP LỆ [archive.signer_not_organisation]: Người ký không phải là cơ quan chủ trì cuộc họp — manifest.json", report.Verdict);
    }

    [Fact]
    public async Task Resealed_by_a_persons_certificate_is_refused_even_under_the_same_root_and_organisation()
    {
        var (archive, authority) = await GenuineAsync();
        var report = Verify(Reseal(archive, authority.Secretary), new ArchiveTrust(authority.Ca.RootCertificate));
        Assert.Equal(VerdictCodes.SignerNotOrganisation, report.Code);
        Assert.Contains("chứng thư của một cá nhân (có UID)", report.Failure);

        // The legacy rule does not let an old personal certificate (CN = the person, O = the organisation) through either.
        var legacy = Verify(Reseal(await ChainedSampleArchive.GetAsync(certificates), certificates.Secretary), new ArchiveTrust(certificates.Authority.RootCertificate));
        Assert.Equal(VerdictCodes.SignerNotOrganisation, legacy.Code);
        Assert.Contains("chứng thư không mang tên cơ quan \"UBND xã Tân Phú\"", legacy.Failure);
    }

    [Fact]
    public async Task Resealed_under_a_self_made_root_names_the_unknown_anchor_and_fails_the_pinned_fingerprint()
    {
        var (archive, authority) = await GenuineAsync();
        using var forger = new ContractCertificates("Forger Root");
        using var forgedSeal = forger.Organisation(Organisation, "tan-phu");
        var forged = Reseal(archive, forgedSeal, await MinutesAsync(forgedSeal, forgedSeal));

        var report = Verify(forged, new ArchiveTrust(authority.Ca.RootCertificate));
        Assert.Equal(VerdictCodes.ManifestSignatureInvalid, report.Code);
        Assert.Contains("không dẫn tới chứng thư gốc tin cậy", report.Failure);
        Assert.Contains($"chuỗi chứng thư dẫn tới mốc lạ CN=Forger Root, C=VN [SHA-256 {CertificateNames.Fingerprint(forger.Root)}]", report.Failure);

        // Handed the forger's root, the archive looks sound; the seal certificate pinned by fingerprint still catches it.
        Assert.True(Verify(forged, new ArchiveTrust(forger.RootCertificate)).IsValid);
        var pinned = Verify(forged, new ArchiveTrust(forger.RootCertificate, CertificateNames.Fingerprint(authority.Seal.Certificate)));
        Assert.Equal(VerdictCodes.OrganisationCertificateNotPinned, pinned.Code);
        Assert.Contains($"không phải chứng thư của cơ quan được chỉ định {CertificateNames.Fingerprint(authority.Seal.Certificate)}", pinned.Failure);
    }

    [Fact]
    public async Task An_expired_certificate_with_a_back_dated_signing_time_is_invalid()
    {
        var (archive, authority) = await GenuineAsync();
        var now = DateTimeOffset.UtcNow;
        using var expired = authority.Ca.Organisation(Organisation, "tan-phu", now.AddYears(-3), now.AddYears(-1));
        var backDated = ArchiveResealer.Reseal(archive, expired, ResultUnchanged(archive), null, now.AddYears(-2));
        var report = Verify(backDated, new ArchiveTrust(authority.Ca.RootCertificate));
        Assert.Equal(VerdictCodes.ManifestSignatureInvalid, report.Code);
        Assert.Contains("không dẫn tới chứng thư gốc tin cậy tại thời điểm", report.Failure);
    }

    [Fact]
    public async Task Without_a_root_the_archive_is_judged_intact_but_never_trusted()
    {
        var (archive, _) = await GenuineAsync();
        var report = Verify(archive, new ArchiveTrust(null));
        Assert.True(report.IsValid, report.Failure);
        Assert.False(report.IsTrusted);
        Assert.Contains(report.Lines, l => l.StartsWith("Không có chứng thư gốc tin cậy", StringComparison.Ordinal));
        Assert.StartsWith("NGUYÊN VẸN NHƯNG CHƯA ĐƯỢC TIN CẬY", report.Verdict);
    }

    [Fact]
    public void An_archive_sealed_before_issue_16_still_verifies_as_legacy()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        using var root = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, "legacy-root.pem")));
        var archive = File.ReadAllBytes(Path.Combine(folder, "legacy-archive.zip"));
        var report = ArchiveVerifier.Verify(new MemoryStream(archive), root, BallotChainCheck.All);
        var text = string.Join("\n", report.Lines);
        Assert.True(report.IsValid && report.IsTrusted, text);
        Assert.Contains("định dạng cabinet-archive/1", text);
        Assert.Contains("(chứng thư cũ, không có mã cơ quan: khớp theo tên)", text);
        Assert.Contains("kiểm đếm lại theo quy tắc trong kết quả đã ký", text);
    }

    private static ArchiveVerificationReport Verify(byte[] archive, ArchiveTrust trust) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), trust, BallotChainCheck.All);

    private static byte[] Reseal(byte[] archive, SigningIdentity signer, byte[]? minutes = null)
    {
        var changes = new Dictionary<string, byte[]>(ResultUnchanged(archive));
        if (minutes is not null)
        {
            changes["minutes.pdf"] = minutes;
        }

        return ArchiveResealer.Reseal(archive, signer, changes);
    }

    // Listing the result as changed makes the resealer sign it again with the new signer.
    private static Dictionary<string, byte[]> ResultUnchanged(byte[] archive) =>
        new() { ["polls/poll-1/result.json"] = ArchiveResealer.Entries(archive)["polls/poll-1/result.json"] };

    private static async Task<byte[]> MinutesAsync(SigningIdentity person, SigningIdentity seal)
    {
        var personal = await PdfSigner.SignAsync(MinutesPdfWriter.Write(SampleMinutes.Create()), person,
            new PdfSignatureRequest("Thư ký ký biên bản cuộc họp") { FieldName = "ThuKy" });
        return await PdfSigner.SignAsync(personal, seal, new PdfSignatureRequest("Xác thực của cơ quan") { FieldName = "CoQuan" });
    }

    private async Task<(byte[] Archive, Authority Authority)> GenuineAsync()
    {
        return (await fixture.ArchiveAsync(() => MinutesAsync(fixture.Secretary, fixture.Seal), certificates), fixture);
    }

    /// <summary>One contract root, seal and secretary per class: RSA key generation is slow.</summary>
    public sealed class Authority : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private byte[]? _archive;

        public ContractCertificates Ca { get; } = new();

        public SigningIdentity Seal => field ??= Ca.Organisation(Organisation, "tan-phu");

        public SigningIdentity Secretary => field ??= Ca.Person("Nguyễn Thị Thư", "thu.nt", Organisation);

        public async Task<byte[]> ArchiveAsync(Func<Task<byte[]>> minutes, CertificatesFixture certificates)
        {
            await _gate.WaitAsync();
            try
            {
                _archive ??= Reseal(await ChainedSampleArchive.GetAsync(certificates), Seal, await minutes());
                return (byte[])_archive.Clone();
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose()
        {
            Ca.Dispose();
            _gate.Dispose();
        }
    }
}
