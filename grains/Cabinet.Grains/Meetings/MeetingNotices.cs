using System.Globalization;
using Cabinet.Notices;

namespace Cabinet.Meetings;

/// <summary>
/// The meeting's notices in Vietnamese: the invitation, the reminders before the start and "you have not voted". Each id names the meeting,
/// the step and the start time, so a person gets each step once, and a new start time is a new step.
/// </summary>
public static class MeetingNotices
{
    /// <summary>Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving.</summary>
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static string Link(string meetingId) => $"/meetings/{meetingId}";

    public static string Shown(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static Notice Invitation(InvitationView invitation, string attendeeName, DateTimeOffset now)
    {
        var d = invitation.Details;
        return new Notice(
            $"{NoticeKinds.MeetingInvitation}/{invitation.MeetingId}/{d.ScheduledStart.UtcTicks}",
            NoticeKinds.MeetingInvitation,
            $"Giấy mời họp: {d.Title}",
            $"{invitation.OrganizationName} trân trọng kính mời dự cuộc họp \"{d.Title}\".\n{Where(invitation)}\nChủ trì: {invitation.Chair}.",
            Link(invitation.MeetingId),
            now,
            IcsWriter.Write(invitation, attendeeName, now));
    }

    public static Notice Reminder(InvitationView invitation, int leadMinutes, DateTimeOffset now)
    {
        var d = invitation.Details;
        return new Notice(
            $"{NoticeKinds.MeetingReminder}-{leadMinutes}m/{invitation.MeetingId}/{d.ScheduledStart.UtcTicks}",
            NoticeKinds.MeetingReminder,
            $"Nhắc lịch họp: {d.Title} — {Shown(d.ScheduledStart)}",
            $"Cuộc họp \"{d.Title}\" sẽ bắt đầu sau {Lead(leadMinutes)}.\n{Where(invitation)}",
            Link(invitation.MeetingId),
            now);
    }

    /// <summary>"A vote is open and you have not voted", once per person and poll.</summary>
    public static Notice VoteOpen(InvitationView invitation, Polls.PollView poll, DateTimeOffset now)
    {
        var motion = poll.Motion.Title.Length <= 200 ? poll.Motion.Title : string.Concat(poll.Motion.Title.AsSpan(0, 199), "…");
        return new Notice(
            $"{NoticeKinds.VoteOpen}/{invitation.MeetingId}/{poll.PollId}",
            NoticeKinds.VoteOpen,
            $"Đang biểu quyết: {motion}",
            $"Cuộc họp \"{invitation.Details.Title}\" đang biểu quyết về \"{motion}\" (mở lúc {Shown(poll.OpenedAt)}, giờ Việt Nam). Bạn chưa biểu quyết.",
            Link(invitation.MeetingId),
            now);
    }

    private static string Where(InvitationView invitation) =>
        $"Thời gian: {Shown(invitation.Details.ScheduledStart)} (giờ Việt Nam).\nĐịa điểm: {invitation.Details.Place}"
        + (string.IsNullOrEmpty(invitation.Details.OnlineLink) ? "." : $" — trực tuyến: {invitation.Details.OnlineLink}.");

    private static string Lead(int minutes) =>
        minutes % 1440 == 0 ? $"{minutes / 1440} ngày" : minutes % 60 == 0 ? $"{minutes / 60} giờ" : $"{minutes} phút";
}
