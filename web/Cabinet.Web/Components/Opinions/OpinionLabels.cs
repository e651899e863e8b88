using Cabinet.Opinions;
using Cabinet.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Cabinet.Web.Components.Opinions;

/// <summary>An opinion ballot's state and answers in the reader's words.</summary>
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

    /// <summary>An answer's label: the three fixed answers translated, a choice's option as written.</summary>
    public static string Answer(IStringLocalizer<Text> l, OpinionCount count)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(count);
        return count.Answer switch
        {
            OpinionAnswerTokens.Agree => l["Đồng ý"],
            OpinionAnswerTokens.Disagree => l["Không đồng ý"],
            OpinionAnswerTokens.Other => l["Ý kiến khác"],
            _ => count.Label,
        };
    }
}
