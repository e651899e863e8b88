using Cabinet.Meetings;

namespace Cabinet.Web.Components.Shared;

/// <summary>The Vietnamese words the UI uses for statuses and roles.</summary>
public static class Labels
{
    public static string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "Dự thảo",
        MeetingStatus.Scheduled => "Đã lên lịch",
        MeetingStatus.Live => "Đang họp",
        MeetingStatus.Closed => "Đã kết thúc",
        _ => status.ToString(),
    };

    public static string Role(MeetingRole role) => role switch
    {
        MeetingRole.Chair => "Chủ trì",
        MeetingRole.Secretary => "Thư ký",
        MeetingRole.Delegate => "Đại biểu",
        MeetingRole.Observer => "Khách mời",
        _ => "",
    };
}
