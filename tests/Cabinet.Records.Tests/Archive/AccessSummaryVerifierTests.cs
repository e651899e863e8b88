using Cabinet.Records.Archive;
using Cabinet.Records.Tests.Support;
using Cabinet.Voting.Canonical;

namespace Cabinet.Records.Tests.Archive;

/// <summary>access-summary.json: sealed and listed when the meeting has one, checked for sums and listed versions, optional in format 2.</summary>
public sealed class AccessSummaryVerifierTests(CertificatesFixture certificates)
{
    private static readonly AccessSummary Summary = new(
    [
        new("d1", SampleArchive.Documents[1].Listed.Title, "3", SampleArchive.Documents[1].Listed.Sha256, 3, 1, 1,
            [new("daibieu1", 2, 1, 0), new("daibieu2", 1, 0, 1)]),
        new("d2", SampleArchive.Documents[2].Listed.Title, "1", SampleArchive.Documents[2].Listed.Sha256, 1, 0, 0, [new("thuky", 1, 0, 0)]),
    ]);

    [Fact]
    public async Task A_sealed_summary_is_listed_in_the_manifest_and_verifies()
    {
        var archive = await SampleArchive.CreateAsync(certificates, Summary);

        Assert.Contains(ArchivePaths.AccessSummary, ArchiveResealer.Entries(archive).Keys);
        var report = Verify(archive);
        Assert.True(report.IsValid, report.Failure);
        Assert.Contains(report.Lines, l => l.StartsWith("access-summary.json: ", StringComparison.Ordinal) && l.Contains("4 lượt mở, 1 lượt tải, 1 lượt in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_format_2_archive_without_a_summary_still_verifies()
    {
        var archive = await SampleArchive.CreateAsync(certificates);

        Assert.DoesNotContain(ArchivePaths.AccessSummary, ArchiveResealer.Entries(archive).Keys);
        Assert.True(Verify(archive).IsValid);
    }

    [Fact]
    public async Task Totals_that_are_not_the_sum_of_the_people_are_refused_even_when_resealed()
    {
        var forged = Summary with { Versions = [Summary.Versions[0] with { Downloads = 0 }, Summary.Versions[1]] };
        var report = Verify(Resealed(await SampleArchive.CreateAsync(certificates, Summary), forged));

        Assert.Equal(VerdictCodes.AccessSummaryInvalid, report.Code);
        Assert.StartsWith("access-summary.json: ", report.Failure);
        Assert.Contains("không bằng tổng số đếm của từng người", report.Failure);
    }

    [Fact]
    public async Task A_version_documents_json_does_not_list_is_refused()
    {
        var forged = Summary with { Versions = [.. Summary.Versions, new("d9", "Tài liệu không có", "1", new string('e', 64), 1, 0, 0, [new("daibieu1", 1, 0, 0)])] };
        var report = Verify(Resealed(await SampleArchive.CreateAsync(certificates, Summary), forged));

        Assert.Equal(VerdictCodes.AccessSummaryInvalid, report.Code);
        Assert.Contains("không phải phiên bản có trong documents.json", report.Failure);
    }

    [Fact]
    public async Task A_summary_that_is_not_one_is_refused()
    {
        var archive = ArchiveResealer.Reseal(await SampleArchive.CreateAsync(certificates, Summary), certificates.Organisation,
            new Dictionary<string, byte[]> { [ArchivePaths.AccessSummary] = "[1, 2, 3]"u8.ToArray() });
        var report = Verify(archive);

        Assert.Equal(VerdictCodes.AccessSummaryInvalid, report.Code);
        Assert.Contains("không phải bản tổng hợp truy cập", report.Failure);
    }

    private byte[] Resealed(byte[] archive, AccessSummary summary) =>
        ArchiveResealer.Reseal(archive, certificates.Organisation, new Dictionary<string, byte[]> { [ArchivePaths.AccessSummary] = CanonicalJson.Serialize(summary) });

    private ArchiveVerificationReport Verify(byte[] archive) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), certificates.Authority.RootCertificate, [SampleArchive.BallotsAreJsonLines]);
}
