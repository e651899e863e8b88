namespace Cabinet.Errors;

/// <summary>
/// Every error code Cabinet returns, with its Vietnamese message. Codes are stable API: clients branch on them,
/// so a code is never renamed or reused for another meaning. Documented in docs/protocol.md.
/// </summary>
public static class ErrorCodes
{
    public static readonly CabinetError MeetingNotFound = new("meeting.not_found", "Không tìm thấy cuộc họp.");
    public static readonly CabinetError MeetingExists = new("meeting.exists", "Cuộc họp đã tồn tại.");
    public static readonly CabinetError InvalidMeetingId = new("meeting.invalid_id", "Mã cuộc họp không hợp lệ.");
    public static readonly CabinetError Forbidden = new("auth.forbidden", "Bạn không có quyền thực hiện thao tác này trong cuộc họp.");
    public static readonly CabinetError NotSignedIn = new("auth.not_signed_in", "Bạn cần đăng nhập.");
    public static readonly CabinetError MeetingClosed = new("meeting.closed", "Cuộc họp đã kết thúc; không thể thay đổi.");
    public static readonly CabinetError NotLive = new("meeting.not_live", "Cuộc họp chưa bắt đầu.");
    public static readonly CabinetError AlreadyLive = new("meeting.already_live", "Cuộc họp đang diễn ra; không thể xóa nội dung khỏi chương trình (chỉ bổ sung, sửa hoặc sắp xếp lại nội dung chưa thảo luận).");
    public static readonly CabinetError IllegalTransition = new("meeting.illegal_transition", "Không thể chuyển cuộc họp sang trạng thái này từ trạng thái hiện tại.");
    public static readonly CabinetError AgendaEmpty = new("agenda.empty", "Chương trình họp chưa có nội dung nào.");
    public static readonly CabinetError AgendaItemNotFound = new("agenda.item_not_found", "Không tìm thấy nội dung trong chương trình họp.");
    public static readonly CabinetError AgendaEnd = new("agenda.at_end", "Đã ở nội dung cuối cùng của chương trình.");
    public static readonly CabinetError AgendaStart = new("agenda.at_start", "Đã ở nội dung đầu tiên của chương trình.");
    public static readonly CabinetError AgendaFull = new("agenda.full", "Chương trình họp đã đủ số nội dung tối đa.");
    public static readonly CabinetError AgendaOrderMismatch = new("agenda.order_mismatch", "Thứ tự mới phải gồm đúng các nội dung hiện có, mỗi nội dung một lần.");
    public static readonly CabinetError InvalidInput = new("input.invalid", "Dữ liệu không hợp lệ.");
    public static readonly CabinetError UnknownUser = new("participant.unknown_user", "Người dùng không tồn tại.");
    public static readonly CabinetError NoChair = new("participant.no_chair", "Cuộc họp cần đúng một chủ trì.");
    public static readonly CabinetError TooManyJoined = new("meeting.too_many_joined", "Một kết nối chỉ theo dõi được tối đa 50 cuộc họp cùng lúc; hãy rời bớt cuộc họp khác.");
    public static readonly CabinetError StorageFailed = new("storage.failed", "Không lưu được thay đổi; vui lòng thử lại.");
    public static readonly CabinetError SignInFailed = new("auth.sign_in_failed", "Tên đăng nhập hoặc mật khẩu không đúng.");
    public static readonly CabinetError ServerFault = new("server.error", "Máy chủ chưa xác nhận thao tác (quá thời gian hoặc sự cố). Hãy xem lại trạng thái hiện tại rồi thử lại.");
    public static readonly CabinetError RateLimited = new("rate.limited", "Bạn thao tác quá nhanh hoặc quá nhiều; vui lòng chờ giây lát rồi thử lại.");
    public static readonly CabinetError LedgerTooLong = new("ledger.too_long", "Sổ ghi của cuộc họp quá dài để gửi một lần; hãy đọc theo trang (GetLedgerPage).");
    public static readonly CabinetError BallotChainTooLong = new("poll.chain_too_long", "Chuỗi phiếu dài hơn một trang; hãy đọc theo trang (GetBallotChainPage).");
    /// <summary><c>auth.forbidden</c>, saying who may create a meeting.</summary>
    public static readonly CabinetError NotOrganizer = Forbidden with { Message = "Chỉ người tổ chức cuộc họp (hoặc quản trị viên) của đơn vị mới được tạo cuộc họp." };
    public static readonly CabinetError AgendaItemTakenUp = new("agenda.item_taken_up", "Nội dung này đã được đưa ra thảo luận; chỉ sắp xếp lại hoặc xóa các nội dung chưa thảo luận.");
    public static readonly CabinetError NotInvited = new("invitation.not_invited", "Bạn không có trong danh sách mời của cuộc họp này.");
    public static readonly CabinetError InvitationClosed = new("invitation.closed", "Cuộc họp đã kết thúc hoặc đã hủy; không thể trả lời lời mời.");
    public static readonly CabinetError DeputyInvalid = new("invitation.deputy_invalid", "Người dự họp thay không hợp lệ (phải là người dùng khác, chưa có trong danh sách mời; chủ trì không ủy quyền).");
    public static readonly CabinetError MeetingCancelled = new("meeting.cancelled", "Cuộc họp đã bị hủy.");
    public static readonly CabinetError AccountLocked = new("auth.locked", "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");

    // accounts, sessions and tokens (docs/identity.md)
    public static readonly CabinetError SignInThrottled = new("auth.throttled", "Đăng nhập sai nhiều lần; vui lòng chờ rồi thử lại (hoặc đăng nhập từ trình duyệt bạn vẫn dùng).");
    public static readonly CabinetError AccountDisabled = new("auth.account_disabled", "Tài khoản đã bị vô hiệu hóa; hãy liên hệ quản trị viên.");
    public static readonly CabinetError PasswordChangeRequired = new("auth.password_change_required", "Mật khẩu do quản trị viên đặt lại; hãy đặt mật khẩu mới để đăng nhập.");
    public static readonly CabinetError PasswordTooShort = new("password.too_short", "Mật khẩu quá ngắn.");
    public static readonly CabinetError PasswordTooLong = new("password.too_long", "Mật khẩu quá dài.");
    public static readonly CabinetError PasswordCommon = new("password.common", "Mật khẩu này quá phổ biến hoặc dễ đoán; hãy chọn một cụm từ khác.");
    public static readonly CabinetError PasswordWrong = new("password.wrong", "Mật khẩu hiện tại không đúng.");
    public static readonly CabinetError RefreshInvalid = new("auth.refresh_invalid", "Mã làm mới phiên không hợp lệ hoặc phiên đã kết thúc; hãy đăng nhập lại.");
    public static readonly CabinetError RefreshReused = new("auth.refresh_reused", "Mã làm mới phiên đã được dùng trước đó; để an toàn, phiên này đã bị kết thúc. Hãy đăng nhập lại.");
    public static readonly CabinetError SessionNotFound = new("session.not_found", "Không tìm thấy phiên đăng nhập (có thể đã kết thúc).");
    public static readonly CabinetError SecondFactorRequired = new("auth.mfa_required", "Hãy nhập mã xác thực 6 số từ ứng dụng xác thực (hoặc một mã khôi phục) để hoàn tất đăng nhập.");
    public static readonly CabinetError SecondFactorFailed = new("auth.mfa_failed", "Mã xác thực không đúng, đã được dùng hoặc đã hết hạn.");
    public static readonly CabinetError SecondFactorChallengeInvalid = new("auth.mfa_challenge_invalid", "Bước xác thực thứ hai đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại bằng mật khẩu.");
    public static readonly CabinetError SecondFactorNotStarted = new("mfa.not_started", "Chưa bắt đầu đăng ký xác thực hai lớp; hãy tạo mã QR trước.");
    public static readonly CabinetError SingleSignOnNoAccount = new("auth.sso_no_account", "Tài khoản đăng nhập một lần của bạn không khớp với người dùng nào của Cabinet; hãy liên hệ quản trị viên để được cấp tài khoản.");
    public static readonly CabinetError SingleSignOnSecondFactor = new("auth.sso_second_factor", "Tài khoản của bạn cần xác thực hai lớp của Cabinet; hãy đăng nhập bằng mật khẩu và mã xác thực.");
    public static readonly CabinetError SingleSignOnFailed = new("auth.sso_failed", "Đăng nhập một lần không thành công; hãy thử lại hoặc đăng nhập bằng mật khẩu.");
    public static readonly CabinetError AccountExists = new("account.exists", "Tên đăng nhập đã tồn tại.");

    // organisations (docs/identity.md)
    public static readonly CabinetError OrganizationExists = new("organization.exists", "Mã đơn vị đã tồn tại.");
    public static readonly CabinetError MeetingRulesInvalid = new("organization.rules_invalid", "Quy chế họp không hợp lệ: tỷ lệ có mặt từ 0 đến 1 (mẫu số 1–1000), cách tính biểu quyết là một trong các cách đã định (tỷ lệ tùy chọn từ trên 0 đến 1).");
    public static readonly CabinetError OrganizationNotFound = new("organization.not_found", "Không tìm thấy đơn vị.");
    public static readonly CabinetError ImportTooLarge = new("import.too_large", "Tệp CSV quá lớn (tối đa 1 MiB).");
    public static readonly CabinetError ImportTooManyRows = new("import.too_many_rows", "Tệp CSV có quá nhiều dòng (tối đa 2.000 người mỗi lần).");
    public static readonly CabinetError ImportBadHeader = new("import.bad_header", "Dòng đầu của tệp CSV phải có các cột userName, displayName, position, role, password.");
    public static readonly CabinetError ImportNotUtf8 = new("import.not_utf8", "Tệp CSV phải được lưu theo bảng mã UTF-8.");
    public static readonly CabinetError ImportDuplicate = new("import.duplicate", "Tên đăng nhập này đã xuất hiện ở một dòng trước trong tệp.");
    /// <summary><c>auth.forbidden</c>, saying whose accounts and units an administrator manages.</summary>
    public static readonly CabinetError NotAdministratorOf = Forbidden with { Message = "Bạn chỉ quản trị đơn vị của mình và các đơn vị trực thuộc." };

    // the REST API and its integration clients (README "Integration")
    public static readonly CabinetError ApiNotFound = new("api.not_found", "Không có tài nguyên API nào ở địa chỉ này.");
    public static readonly CabinetError MethodNotAllowed = new("api.method_not_allowed", "Địa chỉ API này không nhận phương thức yêu cầu này.");
    public static readonly CabinetError ScopeMissing = new("auth.scope_missing", "Ứng dụng tích hợp chưa được cấp phạm vi quyền cần cho thao tác này.");
    public static readonly CabinetError NotAPerson = new("auth.not_a_person", "Ứng dụng tích hợp không phải một người: không được quản lý ứng dụng tích hợp, biểu quyết, ký hay phát biểu.");
    public static readonly CabinetError ClientInvalid = new("auth.client_invalid", "Mã ứng dụng hoặc khóa bí mật không đúng, hoặc ứng dụng đã bị thu hồi.");
    public static readonly CabinetError ClientNotFound = new("client.not_found", "Không tìm thấy ứng dụng tích hợp.");
    public static readonly CabinetError ClientLimit = new("client.limit", "Đơn vị đã có số ứng dụng tích hợp tối đa (50); hãy thu hồi một ứng dụng cũ.");
    public static readonly CabinetError ClientInvalidInput = new("client.invalid", "Ứng dụng tích hợp cần tên (1–100 ký tự) và ít nhất một phạm vi quyền trong danh sách đã định.");

    // floor
    public static readonly CabinetError FloorNotParticipant = new("floor.not_participant", "Người này không phải thành phần tham dự cuộc họp.");
    public static readonly CabinetError FloorNotEligible = new("floor.not_eligible", "Khách mời theo dõi cuộc họp, không đăng ký phát biểu.");
    public static readonly CabinetError FloorAlreadyRequested = new("floor.already_requested", "Đã có trong danh sách đăng ký phát biểu của nội dung này.");
    public static readonly CabinetError FloorNotInQueue = new("floor.not_in_queue", "Không có trong danh sách đăng ký phát biểu của nội dung này.");
    public static readonly CabinetError FloorQueueEmpty = new("floor.queue_empty", "Chưa có ai đăng ký phát biểu.");
    public static readonly CabinetError FloorNobodySpeaking = new("floor.nobody_speaking", "Hiện không có ai đang phát biểu.");
    public static readonly CabinetError FloorOrderMismatch = new("floor.order_mismatch", "Thứ tự mới phải gồm đúng những người đang đăng ký, mỗi người một lần, kiến nghị về thủ tục đứng trước.");

    // voting
    public static readonly CabinetError PollOpen = new("poll.open", "Đang có một nội dung biểu quyết chưa kết thúc.");
    public static readonly CabinetError PollsFull = new("poll.too_many", "Cuộc họp đã có số nội dung biểu quyết tối đa (200).");
    public static readonly CabinetError PollNotFound = new("poll.not_found", "Không tìm thấy nội dung biểu quyết.");
    public static readonly CabinetError PollNoQuorum = new("poll.no_quorum", "Chưa đủ số thành viên có mặt theo quy chế; biểu quyết sẽ không có giá trị. Xác nhận nếu vẫn muốn mở biểu quyết.");
    public static readonly CabinetError PollNotOpen = new("poll.not_open", "Nội dung biểu quyết chưa mở hoặc đã kết thúc.");
    public static readonly CabinetError DeviceUnknown = new("device.unknown", "Thiết bị chưa được đăng ký khóa ký số cho tài khoản này.");
    public static readonly CabinetError DeviceRevoked = new("device.revoked", "Khóa ký số của thiết bị này đã bị thu hồi.");
    public static readonly CabinetError DeviceInvalidKey = new("device.invalid_key", "Khóa công khai không hợp lệ (cần ECDSA P-256).");
    public static readonly CabinetError DeviceLimit = new("device.limit", "Tài khoản đã có đủ số thiết bị tối đa; hãy thu hồi một thiết bị cũ.");
    public static readonly CabinetError SigningUnavailable = new("signing.unavailable", "Không ký được kết quả; chứng thư số của tổ chức chưa sẵn sàng.");

    // conclusions and closing
    public static readonly CabinetError ConclusionStale = new("conclusion.stale", "Dự thảo kết luận đã được sửa; hãy xem bản mới nhất trước khi duyệt.");
    public static readonly CabinetError ConclusionEmpty = new("conclusion.empty", "Chưa có dự thảo kết luận để duyệt.");
    public static readonly CabinetError ConclusionNotApproved = new("conclusion.not_approved", "Chỉ công bố được kết luận đã được chủ trì duyệt.");
    public static readonly CabinetError ConclusionPublicationsFull = new("conclusion.publications_full", "Đơn vị đã công bố số kết luận tối đa trong năm.");
    public static readonly CabinetError FloorSpeaking = new("floor.speaking", "Đang có đại biểu phát biểu; hãy kết thúc phát biểu trước khi bế mạc.");
    public static readonly CabinetError MinutesNotReady = new("minutes.not_ready", "Dự thảo biên bản chưa sẵn sàng (cuộc họp chưa kết thúc hoặc đang lập dự thảo).");
    public static readonly CabinetError MinutesReviewOpen = new("minutes.review_open", "Biên bản đang trong thời gian góp ý; chưa thể ký.");
    public static readonly CabinetError MinutesReviewClosed = new("minutes.review_closed", "Đã hết thời gian góp ý hoặc biên bản đã được ký; không thể góp ý hay lập lại dự thảo.");
    public static readonly CabinetError MinutesNotYourTurn = new("minutes.not_your_turn", "Chưa đến lượt bạn ký hoặc bạn không phải người ký biên bản này (thứ tự: thư ký, chủ tọa, rồi văn thư đóng dấu).");
    public static readonly CabinetError MinutesCommentInvalid = new("minutes.comment_invalid", "Góp ý không được để trống và không quá 2000 ký tự.");
    public static readonly CabinetError MinutesCommentsFull = new("minutes.comments_full", "Biên bản đã nhận đủ số góp ý tối đa.");
    public static readonly CabinetError MinutesRevisionsFull = new("minutes.revisions_full", "Đã lập lại dự thảo biên bản quá số lần cho phép.");
    public static readonly CabinetError MinutesNoSigningRequest = new("minutes.no_signing_request", "Không có yêu cầu ký nào đang chờ (hoặc yêu cầu đã hết hạn); hãy bắt đầu ký lại.");
    public static readonly CabinetError MinutesSignatureInvalid = new("minutes.signature_invalid", "Chữ ký số từ thiết bị không khớp với nội dung cần ký hoặc với khóa của thiết bị.");
    public static readonly CabinetError MinutesNoIssuer = new("minutes.no_device_issuer", "Máy chủ chưa được cấu hình tổ chức cấp chứng thư cho khóa của thiết bị; chưa thể ký biên bản cá nhân.");
    public static readonly CabinetError MinutesSealed = new("minutes.sealed", "Biên bản đã được đóng dấu.");
    public static readonly CabinetError TimestampUnavailable = new("seal.timestamp_unavailable", "Chưa lấy được dấu thời gian từ tổ chức cung cấp dịch vụ cấp dấu thời gian; chưa ký hay niêm phong được gì, hãy thử lại sau ít phút (việc niêm phong hồ sơ tự thử lại).");
    public static readonly CabinetError NotArchived = new("archive.not_ready", "Hồ sơ lưu trữ của cuộc họp chưa sẵn sàng.");

    // documents (the content checks come from Cabinet.Documents.DocumentErrors: documents.empty, not_pdf, damaged,
    // encrypted, too_large, too_complex; annotations.invalid, annotations.limit)
    public static readonly CabinetError DocumentNotFound = new("documents.not_found", "Không tìm thấy tài liệu trong cuộc họp.");
    public static readonly CabinetError DocumentVersionNotFound = new("documents.version_not_found", "Không tìm thấy phiên bản tài liệu.");
    public static readonly CabinetError DocumentClassified = new("documents.classified", "Tài liệu mật — không phát hành điện tử; chỉ xem bản giấy.");
    public static readonly CabinetError DownloadForbidden = new("documents.download_forbidden", "Tài liệu này không được phép tải về; chỉ xem trực tuyến.");
    public static readonly CabinetError DocumentFileMissing = new("documents.file_missing", "Không tìm thấy tệp của tài liệu trong kho lưu trữ.");
    public static readonly CabinetError DocumentFileRequired = new("documents.file_required", "Thiếu tệp PDF trong yêu cầu tải lên.");
    public static readonly CabinetError DocumentLimit = new("documents.limit", "Cuộc họp đã có số tài liệu (hoặc phiên bản) tối đa.");
    public static readonly CabinetError CopyNotFound = new("documents.copy_not_found", "Không có bản sao nào mang mã này trong cuộc họp.");
    public static readonly CabinetError CopyFailed = new("documents.copy_failed", "Không tạo được bản sao mang tên người nhận cho tài liệu này; hãy báo thư ký cuộc họp.");
    public static readonly CabinetError AnnotationNotFound = new("annotations.not_found", "Không tìm thấy ghi chú.");
    public static readonly CabinetError AnnotationNotYours = new("annotations.not_yours", "Chỉ người tạo ghi chú mới được sửa, chia sẻ hoặc xóa ghi chú đó.");
    public static readonly CabinetError FollowNotActive = new("follow.not_active", "Không có ai đang dẫn dắt trang tài liệu.");
    public static readonly CabinetError FollowNotLeader = new("follow.not_leader", "Chỉ người đang dẫn dắt mới chuyển trang cho mọi người.");
    public static readonly CabinetError PageOutOfRange = new("documents.page_out_of_range", "Số trang nằm ngoài tài liệu.");

    // integration (webhooks, calendar feed, exports)
    public static readonly CabinetError WebhookUrlInvalid = new("webhook.url_invalid", "Địa chỉ nhận webhook phải là địa chỉ https tuyệt đối (http chỉ tới máy cục bộ), tối đa 500 ký tự, không chứa tên đăng nhập hay mật khẩu.");
    public static readonly CabinetError WebhookEventsInvalid = new("webhook.events_invalid", "Hãy chọn ít nhất một sự kiện trong danh sách: meeting.scheduled, meeting.closed, conclusion.approved, archive.sealed, poll.closed.");
    public static readonly CabinetError WebhooksFull = new("webhook.too_many", "Đơn vị đã có số đăng ký webhook tối đa (10); hãy xóa bớt một đăng ký.");
    public static readonly CabinetError WebhookNotFound = new("webhook.not_found", "Không tìm thấy đăng ký webhook.");
    public static readonly CabinetError WebhookDeliveryNotFound = new("webhook.delivery_not_found", "Không tìm thấy lần gửi này (có thể đã quá thời hạn lưu).");
    public static readonly CabinetError CalendarFeedNotFound = new("calendar.not_found", "Đường dẫn lịch không tồn tại hoặc đã được thay mới.");

    // notices (docs/protocol.md, "Notices")
    public static readonly CabinetError ContactEmailInvalid = new("contact.email_invalid", "Địa chỉ thư điện tử không hợp lệ.");
    public static readonly CabinetError ContactPhoneInvalid = new("contact.phone_invalid", "Số điện thoại không hợp lệ (9–15 chữ số, có thể bắt đầu bằng +).");
    public static readonly CabinetError NoticeNotFound = new("notice.not_found", "Không tìm thấy thông báo.");

    // opinion ballots (phiếu lấy ý kiến)
    public static readonly CabinetError OpinionNotFound = new("opinion.not_found", "Không tìm thấy phiếu lấy ý kiến.");
    public static readonly CabinetError OpinionExists = new("opinion.exists", "Phiếu lấy ý kiến đã tồn tại.");
    public static readonly CabinetError OpinionIllegalStep = new("opinion.illegal_step", "Không thể thực hiện bước này ở trạng thái hiện tại của phiếu lấy ý kiến (dự thảo → trình → phê duyệt và gửi → trả lời → kết thúc).");
    public static readonly CabinetError OpinionNotAsked = new("opinion.not_asked", "Bạn không có trong danh sách thành viên được lấy ý kiến.");
    public static readonly CabinetError OpinionDeadlinePassed = new("opinion.deadline_passed", "Đã hết hạn trả lời phiếu lấy ý kiến.");
    public static readonly CabinetError OpinionAnswerFinal = new("opinion.answer_final", "Bạn đã trả lời; phiếu này không cho phép thay đổi ý kiến.");
    public static readonly CabinetError OpinionAnswerInvalid = new("opinion.answer_invalid", "Câu trả lời không khớp với các câu hỏi của phiếu (mỗi câu hỏi đúng một lựa chọn; ý kiến khác cần nội dung).");
    public static readonly CabinetError OpinionSignatureInvalid = new("opinion.signature_invalid", "Chữ ký số của câu trả lời không khớp với nội dung hoặc với khóa của thiết bị.");
    public static readonly CabinetError OpinionNotClosable = new("opinion.not_closable", "Chưa đến hạn trả lời và vẫn còn thành viên chưa trả lời; chưa thể kết thúc lấy ý kiến.");
    public static readonly CabinetError OpinionReportNotReady = new("opinion.report_not_ready", "Báo cáo tổng hợp ý kiến chưa sẵn sàng (phiếu chưa kết thúc).");
    public static readonly CabinetError OpinionReportNotYourTurn = new("opinion.report_not_your_turn", "Chưa đến lượt bạn ký hoặc bạn không phải người ký báo cáo tổng hợp ý kiến (thứ tự: thư ký, người chủ trì, rồi con dấu của cơ quan).");
    public static readonly CabinetError OpinionReportSealed = new("opinion.report_sealed", "Báo cáo tổng hợp ý kiến đã được ký đủ và đóng dấu.");
    public static readonly CabinetError OpinionNotClosed = new("opinion.not_closed", "Phiếu lấy ý kiến chưa kết thúc; chỉ gắn kết quả của phiếu đã kết thúc vào nội dung cuộc họp.");
    public static readonly CabinetError OpinionOtherOrganization = new("opinion.other_organization", "Phiếu lấy ý kiến thuộc đơn vị khác; chỉ gắn phiếu của đơn vị tổ chức cuộc họp.");
    public static readonly CabinetError OpinionOutcomeNotAttached = new("opinion.outcome_not_attached", "Nội dung này chưa được gắn kết quả lấy ý kiến.");
    /// <summary><c>auth.forbidden</c>, saying who may draft an opinion ballot.</summary>
    public static readonly CabinetError NotOpinionOffice = Forbidden with { Message = "Chỉ văn phòng (người tổ chức) của đơn vị mới được soạn, trình và kết thúc phiếu lấy ý kiến." };
    /// <summary><c>auth.forbidden</c>, saying who approves or returns an opinion ballot.</summary>
    public static readonly CabinetError NotOpinionChair = Forbidden with { Message = "Chỉ người chủ trì được nêu trong phiếu mới được phê duyệt hoặc trả lại phiếu lấy ý kiến." };

    /// <summary>A refusal from the documents domain (content checks, annotation bounds).</summary>
    public static CabinetError From(Documents.DocumentError error) => new(error.Code, error.Message);

    /// <summary>A refusal from the voting domain, with its own stable code and message.</summary>
    public static CabinetError From(Voting.Errors.VotingError error) => new(error.Code, error.Message);

    /// <summary>An <see cref="InvalidInput"/> that says which field and why.</summary>
    public static CabinetError Invalid(string detail) => InvalidInput with { Message = $"{InvalidInput.Message} {detail}" };
}
