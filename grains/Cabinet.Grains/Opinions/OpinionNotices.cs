using Cabinet.Meetings;
using Cabinet.Notices;

namespace Cabinet.Opinions;

/// <summary>
/// The one place an opinion ballot tells people outside an open page, through each person's notice box (in-app, and
/// e-mail or SMS as they chose): sent to the members asked, the deadline near for those who have not answered, overdue
/// for the office and the chair. Each method is called once per step, after the step is stored; the notice ids name
/// the ballot and the step, so a repeated call never tells anyone twice.
/// </summary>
public sealed class OpinionNotices(IGrainFactory grains, TimeProvider clock)
{
    public Task SentAsync(string ballotKey, string title, IReadOnlyList<string> members, DateTimeOffset deadline) =>
        TellAsync(members, new Notice($"{NoticeKinds.OpinionSent}/{ballotKey}", NoticeKinds.OpinionSent,
            $"Phiếu lấy ý kiến: {title}",
            $"Đồng chí được đề nghị cho ý kiến về \"{title}\". Hạn trả lời: {MeetingNotices.Shown(deadline)}.", Link(ballotKey), clock.GetUtcNow()));

    public Task DeadlineNearAsync(string ballotKey, string title, IReadOnlyList<string> notAnswered, DateTimeOffset deadline) =>
        TellAsync(notAnswered, new Notice($"{NoticeKinds.OpinionDeadlineNear}/{ballotKey}/{deadline.UtcTicks}", NoticeKinds.OpinionDeadlineNear,
            $"Sắp hết hạn trả lời phiếu lấy ý kiến: {title}",
            $"Đồng chí chưa trả lời phiếu lấy ý kiến \"{title}\". Hạn trả lời: {MeetingNotices.Shown(deadline)}.", Link(ballotKey), clock.GetUtcNow()));

    public Task OverdueAsync(string ballotKey, string title, IReadOnlyList<string> officeAndChair, IReadOnlyList<string> notAnswered) =>
        TellAsync(officeAndChair.Distinct(StringComparer.Ordinal).ToList(), new Notice($"{NoticeKinds.OpinionOverdue}/{ballotKey}", NoticeKinds.OpinionOverdue,
            $"Đã hết hạn trả lời phiếu lấy ý kiến: {title}",
            notAnswered.Count == 0
                ? $"Phiếu lấy ý kiến \"{title}\" đã hết hạn; mọi thành viên đã trả lời. Có thể kết thúc và lập báo cáo tổng hợp."
                : $"Phiếu lấy ý kiến \"{title}\" đã hết hạn; {notAnswered.Count} thành viên chưa trả lời. Có thể kết thúc và lập báo cáo tổng hợp.",
            Link(ballotKey), clock.GetUtcNow()));

    private static string Link(string ballotKey) => $"/phieu-lay-y-kien/{ballotKey}";

    /// <summary>Hands the notice to each box; a box stores it and sends afterwards, so this never waits on a mail server.</summary>
    private async Task TellAsync(IReadOnlyList<string> people, Notice notice)
    {
        foreach (var person in people)
        {
            await grains.GetGrain<INoticeBoxGrain>(person).DeliverAsync(notice);
        }
    }
}
