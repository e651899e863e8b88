using Cabinet.Records.Archive;
using Cabinet.Records.Tests.Support;

namespace Cabinet.Records.Tests.Archive;

/// <summary>
/// An opinion ballot's archive is evidence as a meeting's is: each member's signed answer is checked against its device
/// key and the ledger entry that chained it, the answers are counted again against the report's counts, and the report
/// must carry the signatures of the secretary and the chair the manifest names — even when the organisation's own key
/// sealed whatever was changed.
/// </summary>
public sealed class OpinionArchiveTests(CertificatesFixture certificates)
{
    [Fact]
    public async Task A_genuine_archive_is_valid_and_said_to_be_an_opinion_ballot()
    {
        var report = Verify(await SampleOpinionArchive.CreateAsync(certificates));
        Assert.True(report.IsValid, report.Verdict);
        Assert.Contains(report.Lines, l => l.StartsWith("Phiếu lấy ý kiến \"Lấy ý kiến về kế hoạch đầu tư công\"", StringComparison.Ordinal)
            && l.Contains("minutes.pdf là báo cáo tổng hợp ý kiến", StringComparison.Ordinal) && l.Contains("CHỦ TRÌ Trần Văn Bình (chutich)", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Lines, l => l.StartsWith("Cuộc họp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_changed_after_it_was_signed_is_caught_at_its_signature()
    {
        // daibieu3's "disagree" becomes "agree", the report's counts follow; only the member's device signature cannot be remade.
        var report = Verify(await SampleOpinionArchive.CreateAsync(certificates, change: o => o with
        {
            Answers = [.. o.Answers.Select(a => a.Ballot.Voter == "daibieu3" ? a with { Ballot = a.Ballot with { Choices = ["q1:agree"] } } : a)],
            Report = o.Report with { Questions = [o.Report.Questions[0] with { Counts = [new("agree", "Đồng ý", 2), new("disagree", "Không đồng ý", 0), new("other", "Ý kiến khác", 1)] }] },
        }));
        Assert.Equal(VerdictCodes.OpinionAnswerInvalid, report.Code);
        Assert.Equal("opinion/answers.jsonl: dòng 3 (daibieu3): chữ ký của thiết bị không khớp với nội dung câu trả lời", report.Failure);
    }

    [Fact]
    public async Task A_written_opinion_other_than_the_one_signed_is_caught()
    {
        var report = Verify(await SampleOpinionArchive.CreateAsync(certificates, change: o => o with
        {
            Answers = [.. o.Answers.Select(a => a.Texts.Count > 0 ? a with { Texts = [new ArchiveOpinionText("q1", "Đồng ý toàn bộ.")] } : a)],
        }));
        Assert.Equal(VerdictCodes.OpinionAnswerInvalid, report.Code);
        Assert.Equal("opinion/answers.jsonl: dòng 2 (daibieu2): ý kiến viết cho câu q1 không phải nội dung người trả lời đã ký", report.Failure);
    }

    [Fact]
    public async Task An_answer_left_out_is_named_by_the_ledger_entry_that_recorded_it()
    {
        var report = Verify(await SampleOpinionArchive.CreateAsync(certificates, change: o => o with { Answers = [.. o.Answers.Take(2)] }));
        Assert.Equal(VerdictCodes.OpinionAnswerInvalid, report.Code);
        Assert.Equal("opinion/answers.jsonl: thiếu câu trả lời của daibieu3, mà nhật ký ghi ở mục 5", report.Failure);
    }

    [Fact]
    public async Task Counts_in_the_report_other_than_the_recount_are_named()
    {
        var report = Verify(await SampleOpinionArchive.CreateAsync(certificates, change: o => o with
        {
            Report = o.Report with { Questions = [o.Report.Questions[0] with { Counts = [new("agree", "Đồng ý", 2), new("disagree", "Không đồng ý", 0), new("other", "Ý kiến khác", 1)] }] },
        }));
        Assert.Equal(VerdictCodes.TallyMismatch, report.Code);
        Assert.Equal("opinion/report.json: câu \"Thống nhất thông qua kế hoạch?\" — đếm lại các câu trả lời đã ký được Đồng ý 1, Không đồng ý 1, Ý kiến khác 1, khác với báo cáo",
            report.Failure);
    }

    [Fact]
    public async Task A_report_without_the_chair_s_signature_fails_although_every_signature_on_it_is_valid()
    {
        var report = Verify(await SampleOpinionArchive.CreateAsync(certificates, chairSigns: false));
        Assert.Equal(VerdictCodes.SignatoryMissing, report.Code);
        Assert.Equal("minutes.pdf: thiếu chữ ký của CHỦ TRÌ Trần Văn Bình (chutich), người bảng kê nêu là phải ký", report.Failure);
    }

    private ArchiveVerificationReport Verify(byte[] archive) =>
        ArchiveVerifier.Verify(new MemoryStream(archive), certificates.Authority.RootCertificate, BallotChainCheck.All);
}
