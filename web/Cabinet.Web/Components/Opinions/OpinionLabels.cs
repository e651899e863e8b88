using Cabinet.Opinions;
using Cabinet.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Cabinet.Web.Components.Opinions;

/// <summary>An opinion ballot's state in the reader's words.</summary>
public static class OpinionLabels
{
    public static string Status(IStringLocalizer<Text> l, OpinionStatus status)
    {
        ArgumentNullException.ThrowIfNull(l);
        return status switch
        {
            OpinionStatus.Draft => l["Dự thảo"],
            OpinionStatus.Submitted => l["Đã trình, chờ phê duyệt"],
            OpinionStatus.Sent => l["Đang lấy ý kiến"],
            _ => l["Đã kết thúc"],
        };
    }
}
