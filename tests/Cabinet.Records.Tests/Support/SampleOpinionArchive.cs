using System.Security.Cryptography;
using System.Text;
using Cabinet.Records.Archive;
using Cabinet.Records.Minutes;
using Cabinet.Records.Pdf;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Tests.Support;

/// <summary>
/// An opinion ballot's archive as Cabinet seals it: four members asked, three answered on their device keys (agree,
/// "ý kiến khác" with a text, disagree), the ledger chaining each answer's hash, the report signed by the secretary
/// and the chair (personal certificates whose UID is their user name) and sealed by the organisation.
/// </summary>
public static class SampleOpinionArchive
{
    public const string BallotId = "tan-phu/ykien-1";
    public const string Written = "Đề nghị bổ sung kinh phí cho xã miền núi.";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (SigningIdentity Secretary, SigningIdentity Chair)? _people;

    public static readonly ArchiveSignatory[] Signatories =
        [new("thuky", "Nguyễn Thị Thư", "THƯ KÝ"), new("chutich", "Trần Văn Bình", "CHỦ TRÌ")];

    public static string TextHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <param name="chairSigns">False leaves out the chair's signature (the manifest still names the chair).</param>
    /// <param name="change">Changes the evidence before it is sealed, as a forger holding the organisation's key would.</param>
    public static async Task<byte[]> CreateAsync(CertificatesFixture certificates, bool chairSigns = true, Func<ArchiveOpinion, ArchiveOpinion>? change = null)
    {
        var (secretary, chair) = await PeopleAsync(certificates);
        var ledger = new List<LedgerEntry>();
        void Add(string actor, string command, object detail) => ledger.Add(LedgerEntry.Next(ledger.LastOrDefault(), ledger.Count + 1,
            SampleMinutes.Start.AddMinutes(ledger.Count), actor, command, CanonicalJson.SerializeToString(detail)));

        Add("thuky", "opinion.drafted", new { Title = "Kế hoạch" });
        Add("chutich", "opinion.approved", new { Round = 1 });
        var answers = new List<OpinionAnswerEvidence>();
        (string Member, string Choice, string? Text)[] given = [("daibieu1", "q1:agree", null), ("daibieu2", $"q1:other:{TextHash(Written)}", Written), ("daibieu3", "q1:disagree", null)];
        foreach (var (member, choice, text) in given)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var content = new BallotContent(BallotId, "opinion", member, [choice], $"nonce-{member}-0123456789", SampleMinutes.Start.AddMinutes(5));
            var signature = key.SignData(content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var position = answers.Count + 1;
            Add(member, "opinion.answered", new { Position = position, BallotHash = new SignedBallot(content, signature).ComputeHash(), DeviceId = $"{member}-device", Changed = false });
            answers.Add(new OpinionAnswerEvidence(position, content, Convert.ToBase64String(signature), $"{member}-device", Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
                text is null ? [] : [new ArchiveOpinionText("q1", text)]));
        }

        Add("thuky", "opinion.closed", new { Answered = 3, Asked = 4 });
        var opinion = new ArchiveOpinion(
            new ArchiveOpinionReport(BallotId, 4, [new ArchiveOpinionQuestion("q1", "Thống nhất thông qua kế hoạch?",
                [new("agree", "Đồng ý", 1), new("disagree", "Không đồng ý", 1), new("other", "Ý kiến khác", 1)])]),
            answers);
        var report = MinutesPdfWriter.Write(SampleMinutes.Create());
        report = await PdfSigner.SignAsync(report, secretary, new PdfSignatureRequest("THƯ KÝ ký báo cáo tổng hợp ý kiến") { FieldName = "ThuKy" });
        if (chairSigns)
        {
            report = await PdfSigner.SignAsync(report, chair, new PdfSignatureRequest("CHỦ TRÌ ký báo cáo tổng hợp ý kiến") { FieldName = "ChuTri" });
        }

        report = await PdfSigner.SignAsync(report, certificates.Organisation, new PdfSignatureRequest("Xác thực của cơ quan") { FieldName = "CoQuan" });
        return await ArchiveWriter.WriteAsync(
            new SealedMeeting("UBND xã Tân Phú", BallotId, "Lấy ý kiến về kế hoạch đầu tư công", SampleMinutes.Start.AddHours(1), report, ledger, [])
            {
                OrganisationId = "tan-phu",
                Signatories = Signatories,
                Opinion = change is null ? opinion : change(opinion),
            },
            certificates.Organisation);
    }

    // Two RSA persons for the run: key generation is slow.
    private static async Task<(SigningIdentity, SigningIdentity)> PeopleAsync(CertificatesFixture certificates)
    {
        await Gate.WaitAsync();
        try
        {
            return _people ??= (certificates.Authority.IssuePerson("Nguyễn Thị Thư", "UBND xã Tân Phú", userName: "thuky"),
                certificates.Authority.IssuePerson("Trần Văn Bình", "UBND xã Tân Phú", userName: "chutich"));
        }
        finally
        {
            Gate.Release();
        }
    }
}
