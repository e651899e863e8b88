using Cabinet.Records.Minutes;

namespace Cabinet.Opinions;

/// <summary>
/// The consolidated report (báo cáo tổng hợp ý kiến) as the minutes' writer lays it out: the members asked as the
/// attendance (answered or not), one section per question with its counts, rule and outcome, and the written opinions.
/// </summary>
internal static class OpinionReportBuilder
{
    /// <param name="signatories">The secretary then the chair, who sign it (<see cref="OpinionReports.Signatories"/>).</param>
    public static MinutesModel Build(OpinionBallotState s, OpinionConsolidation consolidation, string organizationName, IReadOnlyList<Closing.MinutesSignatory> signatories)
    {
        var answered = consolidation.Answered.Select(m => m.UserName).ToHashSet(StringComparer.Ordinal);
        var closedAt = s.ClosedAt ?? s.Deadline;
        return new MinutesModel(
            organizationName,
            s.Title,
            s.SentAt ?? closedAt,
            closedAt,
            "lấy ý kiến bằng văn bản điện tử trên Cabinet",
            new MinutesPerson(s.Chair.DisplayName, s.Chair.Position),
            new MinutesPerson(signatories[0].DisplayName, "Thư ký"))
        {
            Wording = new MinutesWording(
                "BÁO CÁO TỔNG HỢP Ý KIẾN",
                "II. KẾT QUẢ LẤY Ý KIẾN",
                $"Hạn trả lời: {VietnameseFormat.Clock(s.Deadline, TimeSpan.FromHours(7))}, {VietnameseFormat.Date(s.Deadline, TimeSpan.FromHours(7))}. "
                + $"Đã trả lời {consolidation.Answered.Length}/{consolidation.Asked} thành viên. Báo cáo được lập từ các câu trả lời "
                + "đã ký số của thành viên và nhật ký điện tử của phiếu lấy ý kiến.",
                "……/BC-……"),
            Attendance = [.. s.Members.Select(m => new Attendee(m.DisplayName, m.Position, answered.Contains(m.UserName) ? AttendanceStatus.Present : AttendanceStatus.Absent)
            {
                Note = answered.Contains(m.UserName) ? "đã trả lời" : "chưa trả lời",
            })],
            AgendaItems = [.. consolidation.Questions.Select((q, i) => new MinutesAgendaItem(i + 1, q.Text)
            {
                Documents = i == 0 ? [.. s.Documents.Select(d => new MinutesDocument(d.Name, d.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Sha256))] : [],
                Polls = [new MinutesPoll(q.Text, [.. q.Counts.Select(c => new PollCount(c.Label, c.Count))], RuleText(s), q.Outcome) { Members = consolidation.Asked }],
                WrittenOpinions = [.. q.WrittenOpinions.Select(w => $"{w.DisplayName}: {w.Text}")],
            })],
            Signatories = [.. signatories.Select(p => new Signatory(p.Title, p.DisplayName))],
        };
    }

    private static string RuleText(OpinionBallotState s) => s.Rule switch
    {
        Voting.Tallying.MajorityKind.MoreThanHalfOfVotesCast => "quá nửa số ý kiến đồng ý và không đồng ý",
        Voting.Tallying.MajorityKind.TwoThirdsOfMembers => "ít nhất hai phần ba tổng số thành viên được lấy ý kiến",
        Voting.Tallying.MajorityKind.TwoThirdsOfPresent => "ít nhất hai phần ba số thành viên đã trả lời",
        _ => "quá nửa tổng số thành viên được lấy ý kiến",
    };
}
