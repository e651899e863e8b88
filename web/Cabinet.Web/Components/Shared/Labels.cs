using Cabinet.Meetings;

namespace Cabinet.Web.Components.Shared;

/// <summary>The Vietnamese words the UI uses for statuses and roles (pages show them through L: the words are the keys).</summary>
public static class Labels
{
    public static string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "Dự thảo",
        MeetingStatus.Scheduled => "Đã lên lịch",
        MeetingStatus.Live => "Đang họp",
        MeetingStatus.Closed => "Đã kết thúc",
        MeetingStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string Role(MeetingRole role) => role switch
    {
        MeetingRole.Chair => "Chủ trì",
        MeetingRole.Secretary => "Thư ký",
        MeetingRole.Delegate => "Thành viên",
        MeetingRole.Guest => "Khách mời",
        MeetingRole.Observer => "Theo dõi",
        MeetingRole.Organizer => "Người tổ chức",
        _ => "",
    };

    /// <summary>A signatory's capacity as the minutes print it in capitals ("THƯ KÝ"), as a label says it.</summary>
    public static string SignatoryTitle(string title) => title switch
    {
        "THƯ KÝ" => "Thư ký",
        "CHỦ TỌA" => "Chủ tọa",
        "CHỦ TRÌ" => "Chủ trì",
        _ => title,
    };

    public static string Answer(AnswerKind answer) => answer switch
    {
        AnswerKind.Attending => "Tham dự",
        AnswerKind.Absent => "Vắng mặt",
        AnswerKind.Deputy => "Cử người dự thay",
        _ => "Chưa trả lời",
    };

    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.Thematic => "Chuyên đề",
        MeetingKind.Extraordinary => "Bất thường",
        _ => "Thường kỳ",
    };
}
