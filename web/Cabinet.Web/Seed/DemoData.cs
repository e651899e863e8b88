using System.Collections.Immutable;
using Cabinet.Meetings;
using Cabinet.People;

namespace Cabinet.Web.Seed;

/// <summary>
/// The demo installation: the provincial People's Committee office, two communes, their people and a few meetings.
/// User names are fixed (tests and the README use them); display names are generated Vietnamese names.
/// </summary>
public static class DemoData
{
    public const string Password = "Cabinet@2026";
    public const string Province = "tinh";
    public const string CommuneA = "xa-binh-an";
    public const string CommuneB = "xa-phu-my";
    public const string MonthlyMeeting = "tinh/phien-thuong-ky-thang-11";

    /// <summary>The public provincial plan attached to the monthly meeting (web/Cabinet.Web/Seed, copied to the output).</summary>
    public const string PlanFile = "ke-hoach-dich-vu-cong-truc-tuyen.pdf";

    public const string PlanTitle = "Kế hoạch phát triển dịch vụ công trực tuyến";

    public static readonly ImmutableArray<OrganizationProfile> Organizations =
    [
        new(Province, "Ủy ban nhân dân tỉnh", null),
        new(CommuneA, "Ủy ban nhân dân xã Bình An", Province),
        new(CommuneB, "Ủy ban nhân dân xã Phú Mỹ", Province),
    ];

    public static readonly ImmutableArray<DemoAccount> Accounts =
    [
        new("chutich", Province, "Chủ tịch UBND tỉnh", OrganizationRole.Organizer),
        new("thuky", Province, "Chánh Văn phòng UBND tỉnh", OrganizationRole.Organizer),
        new("daibieu1", Province, "Phó Chủ tịch UBND tỉnh"),
        new("daibieu2", Province, "Phó Chủ tịch UBND tỉnh"),
        new("daibieu3", Province, "Giám đốc Sở Tài chính"),
        new("daibieu4", Province, "Giám đốc Sở Khoa học và Công nghệ"),
        new("daibieu5", Province, "Giám đốc Sở Nội vụ"),
        new("daibieu6", Province, "Giám đốc Sở Xây dựng"),
        new("daibieu7", Province, "Giám đốc Sở Y tế"),
        new("daibieu8", Province, "Giám đốc Sở Giáo dục và Đào tạo"),
        new("khachmoi", Province, "Phóng viên Báo tỉnh"),
        new("vanthu", Province, "Văn thư Văn phòng UBND tỉnh"),
        new("quantri", Province, "Quản trị hệ thống", OrganizationRole.Administrator),
        new("binhan.chutich", CommuneA, "Chủ tịch UBND xã Bình An", OrganizationRole.Organizer),
        new("binhan.thuky", CommuneA, "Công chức Văn phòng - Thống kê xã Bình An", OrganizationRole.Organizer),
        new("phumy.chutich", CommuneB, "Chủ tịch UBND xã Phú Mỹ", OrganizationRole.Organizer),
        new("phumy.thuky", CommuneB, "Công chức Văn phòng - Thống kê xã Phú Mỹ", OrganizationRole.Organizer),
    ];

    public static ImmutableArray<(string Id, MeetingSetup Setup, bool Schedule)> Meetings(DateTimeOffset today)
    {
        var delegates = Enumerable.Range(1, 8).Select(i => new ParticipantInvite($"daibieu{i}", MeetingRole.Delegate));
        ImmutableArray<ParticipantInvite> provincial =
        [
            new("chutich", MeetingRole.Chair), new("thuky", MeetingRole.Secretary), .. delegates,
            new("binhan.chutich", MeetingRole.Guest), new("khachmoi", MeetingRole.Guest),
        ];
        return
        [
            (MonthlyMeeting, new MeetingSetup(
                new MeetingDetails("Phiên họp thường kỳ UBND tỉnh tháng 11/2026", "Phòng họp số 1, trụ sở UBND tỉnh", today.AddHours(8)),
                provincial,
                [
                    new("Báo cáo tình hình kinh tế - xã hội tháng 11 và nhiệm vụ tháng 12/2026", "Giám đốc Sở Tài chính", 30, "Sở Tài chính trình bày; các đại biểu thảo luận."),
                    new("Tờ trình về Kế hoạch cung cấp dịch vụ công trực tuyến năm 2027", "Giám đốc Sở Khoa học và Công nghệ", 25, ""),
                    new("Dự thảo Nghị quyết về phân bổ dự toán ngân sách năm 2027", "Giám đốc Sở Tài chính", 40, ""),
                    new("Đề án sắp xếp đơn vị sự nghiệp công lập", "Giám đốc Sở Nội vụ", 20, ""),
                    new("Các vấn đề phát sinh", "Chủ tịch UBND tỉnh", 15, ""),
                ]), true),
            ("tinh/chuyen-de-chuyen-doi-so", new MeetingSetup(
                new MeetingDetails("Họp chuyên đề về chuyển đổi số", "Phòng họp trực tuyến", today.AddDays(3).AddHours(14)),
                provincial,
                [
                    new("Đánh giá kết quả chuyển đổi số năm 2026", "Giám đốc Sở Khoa học và Công nghệ", 30, ""),
                    new("Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", "Giám đốc Sở Khoa học và Công nghệ", 20, ""),
                ]), false),
            ($"{CommuneA}/hop-thuong-ky-thang-11", new MeetingSetup(
                new MeetingDetails("Họp UBND xã Bình An thường kỳ tháng 11/2026", "Hội trường UBND xã Bình An", today.AddDays(1).AddHours(8)),
                [new("binhan.chutich", MeetingRole.Chair), new("binhan.thuky", MeetingRole.Secretary), new("daibieu5", MeetingRole.Delegate)],
                [
                    new("Kết quả thu ngân sách xã", "Chủ tịch UBND xã", 20, ""),
                    new("Kế hoạch phòng chống thiên tai", "Chủ tịch UBND xã", 20, ""),
                ]), true),
            ($"{CommuneB}/hop-thuong-ky-thang-11", new MeetingSetup(
                new MeetingDetails("Họp UBND xã Phú Mỹ thường kỳ tháng 11/2026", "Hội trường UBND xã Phú Mỹ", today.AddDays(2).AddHours(8)),
                [new("phumy.chutich", MeetingRole.Chair), new("phumy.thuky", MeetingRole.Secretary)],
                [new("Tình hình thực hiện nhiệm vụ tháng 11", "Chủ tịch UBND xã", 30, "")]), false),
        ];
    }
}
