namespace Cabinet.Records.Archive;

/// <summary>
/// One stable code per kind of failure of <c>verify</c> and /verify, with its Vietnamese and English text: the code
/// stays when the wording changes or another language is added, so scripts can rely on it.
/// </summary>
public static class VerdictCodes
{
    public const string Unreadable = "archive.unreadable";
    public const string TimedOut = "archive.timed_out";
    public const string ManifestMissing = "archive.manifest_missing";
    public const string ManifestSignatureInvalid = "archive.manifest_signature_invalid";
    public const string ManifestInvalid = "archive.manifest_invalid";
    public const string SignerNotOrganisation = "archive.signer_not_organisation";
    public const string OrganisationCertificateNotPinned = "archive.organisation_certificate_not_expected";
    public const string FileAdded = "archive.file_added";
    public const string FileMissing = "archive.file_missing";
    public const string FileChanged = "archive.file_changed";
    public const string LedgerBroken = "archive.ledger_broken";
    public const string LedgerResultsMismatch = "archive.ledger_results_mismatch";
    public const string LedgerDocumentsMismatch = "archive.ledger_documents_mismatch";
    public const string MinutesInvalid = "archive.minutes_invalid";
    public const string DocumentsInvalid = "archive.documents_invalid";
    public const string ResultSignatureInvalid = "archive.result_signature_invalid";
    public const string ResultInvalid = "archive.result_invalid";
    public const string BallotChainBroken = "archive.ballot_chain_broken";
    public const string BallotSignatureInvalid = "archive.ballot_signature_invalid";
    public const string TallyMismatch = "archive.tally_mismatch";
    public const string AccessSummaryInvalid = "archive.access_summary_invalid";
    public const string ContentInvalid = "archive.content_invalid";
    public const string OpinionAnswerInvalid = "archive.opinion_answer_invalid";
    public const string SignatoryMissing = "archive.signatory_missing";
    public const string PdfUnsigned = "minutes.unsigned";
    public const string PdfSignatureInvalid = "minutes.signature_invalid";
    public const string PdfUpdatedAfterSigning = "minutes.updated_after_signing";
    public const string PdfUnreadable = "minutes.unreadable";

    private static readonly Dictionary<string, string> Vietnamese = new(StringComparer.Ordinal)
    {
        [Unreadable] = "Không đọc được hồ sơ (không phải hồ sơ lưu trữ Cabinet hợp lệ hoặc có nội dung nguy hiểm)",
        [TimedOut] = "Việc kiểm tra vượt quá thời gian cho phép nên đã dừng",
        [ManifestMissing] = "Hồ sơ thiếu bản kê (manifest) hoặc chữ ký của bản kê",
        [ManifestSignatureInvalid] = "Chữ ký số của bản kê (manifest) không hợp lệ",
        [ManifestInvalid] = "Bản kê (manifest) không đúng định dạng",
        [SignerNotOrganisation] = "Người ký không phải là cơ quan chủ trì cuộc họp",
        [OrganisationCertificateNotPinned] = "Chứng thư của cơ quan không phải chứng thư được chỉ định (--expect-org-cert)",
        [FileAdded] = "Hồ sơ có tệp được thêm vào sau khi niêm phong",
        [FileMissing] = "Hồ sơ thiếu tệp đã niêm phong",
        [FileChanged] = "Một tệp đã bị thay đổi sau khi niêm phong",
        [LedgerBroken] = "Sổ nhật ký (ledger) bị sửa, thiếu hoặc đảo thứ tự",
        [LedgerResultsMismatch] = "Sổ nhật ký không khớp với kết quả biểu quyết",
        [LedgerDocumentsMismatch] = "Sổ nhật ký không khớp với danh mục tài liệu",
        [MinutesInvalid] = "Biên bản (PDF) không hợp lệ: chữ ký sai hoặc đã bị sửa sau khi ký",
        [DocumentsInvalid] = "Danh mục tài liệu hoặc tài liệu lưu trữ không khớp",
        [ResultSignatureInvalid] = "Chữ ký số của kết quả biểu quyết không hợp lệ",
        [ResultInvalid] = "Kết quả biểu quyết không đúng định dạng",
        [BallotChainBroken] = "Chuỗi phiếu biểu quyết bị sửa, thiếu hoặc không khớp kết quả",
        [BallotSignatureInvalid] = "Chữ ký của một phiếu biểu quyết không hợp lệ",
        [TallyMismatch] = "Kiểm đếm lại phiếu không ra kết quả đã ký",
        [AccessSummaryInvalid] = "Bảng tổng hợp truy cập tài liệu không đúng định dạng hoặc không khớp danh mục tài liệu",
        [ContentInvalid] = "Nội dung một tệp không hợp lệ",
        [OpinionAnswerInvalid] = "Một câu trả lời phiếu lấy ý kiến không có chữ ký hợp lệ của thành viên hoặc không khớp sổ nhật ký",
        [SignatoryMissing] = "Biên bản hay báo cáo thiếu chữ ký của người phải ký (thư ký, chủ tọa hoặc người chủ trì)",
        [PdfUnsigned] = "Tệp PDF không có chữ ký số",
        [PdfSignatureInvalid] = "Một chữ ký số trong tệp PDF không hợp lệ",
        [PdfUpdatedAfterSigning] = "Tệp PDF bị thêm nội dung sau chữ ký cuối cùng",
        [PdfUnreadable] = "Không đọc được tệp PDF",
    };

    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        [Unreadable] = "The archive cannot be read (not a valid Cabinet archive, or dangerous content)",
        [TimedOut] = "The check took longer than allowed and was stopped",
        [ManifestMissing] = "The archive lacks its manifest or the manifest's signature",
        [ManifestSignatureInvalid] = "The manifest's digital signature is not valid",
        [ManifestInvalid] = "The manifest is malformed",
        [SignerNotOrganisation] = "The signer is not the organisation that held the meeting",
        [OrganisationCertificateNotPinned] = "The organisation's certificate is not the expected one (--expect-org-cert)",
        [FileAdded] = "A file was added to the archive after sealing",
        [FileMissing] = "A sealed file is missing from the archive",
        [FileChanged] = "A file was changed after sealing",
        [LedgerBroken] = "The ledger was altered, truncated or reordered",
        [LedgerResultsMismatch] = "The ledger does not match the poll results",
        [LedgerDocumentsMismatch] = "The ledger does not match the document list",
        [MinutesInvalid] = "The minutes (PDF) are not valid: a wrong signature or a change after signing",
        [DocumentsInvalid] = "The document list or an archived document does not match",
        [ResultSignatureInvalid] = "A poll result's digital signature is not valid",
        [ResultInvalid] = "A poll result is malformed",
        [BallotChainBroken] = "A ballot chain was altered, truncated or does not match its result",
        [BallotSignatureInvalid] = "A ballot's signature is not valid",
        [TallyMismatch] = "Recounting the ballots does not give the signed result",
        [ContentInvalid] = "A file's content is not valid",
        [OpinionAnswerInvalid] = "An opinion ballot answer lacks its member's valid signature or does not match the ledger",
        [SignatoryMissing] = "The minutes or report lack the signature of a person who must sign (the secretary, the chair)",
        [PdfUnsigned] = "The PDF carries no digital signature",
        [PdfSignatureInvalid] = "A digital signature in the PDF is not valid",
        [PdfUpdatedAfterSigning] = "Content was appended to the PDF after its last signature",
        [PdfUnreadable] = "The PDF cannot be read",
    };

    /// <summary>The text of a code in the report's language (<see cref="ReportLanguage"/>; the code itself for one this version does not know).</summary>
    public static string Describe(string code) => (ReportLanguage.IsEnglish ? English : Vietnamese).GetValueOrDefault(code, code);
}
