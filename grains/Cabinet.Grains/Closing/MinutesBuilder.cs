using Cabinet.Meetings;
using Cabinet.Records.Minutes;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Polls;

namespace Cabinet.Closing;

/// <summary>
/// Writes the minutes from the meeting's own record: attendance, agenda, polls and approved conclusions. The members
/// (chair and delegates, <see cref="Seats"/>) are counted and listed apart from the secretary (named in the header)
/// and from guests, observers and deputies (listed, never counted), so one member total runs through the minutes.
/// </summary>
internal static class MinutesBuilder
{
    /// <param name="ledger">The whole ledger: every speech is read from it (the state keeps only recent ones).</param>
    public static MinutesModel Build(MeetingState s, string organizationName, IReadOnlyList<Voting.Ledger.LedgerEntry> ledger)
    {
        var speeches = SpeechRecord.ReadAll(ledger).ToLookup(r => r.Item, StringComparer.Ordinal);
        var chair = s.Participants.First(p => p.Role == MeetingRole.Chair);
        var secretary = s.Participants.FirstOrDefault(p => p.Role == MeetingRole.Secretary) ?? chair;
        return new MinutesModel(organizationName, s.Details.Title, s.OpenedAt ?? s.Details.ScheduledStart, s.ClosedAt ?? s.OpenedAt ?? s.Details.ScheduledStart,
            s.Details.Place, Person(chair), Person(secretary))
        {
            Attendance = [.. Seats.Members(s.Participants).Select(p => Member(s, p))],
            Guests = [.. s.Participants.Where(p => !p.IsMember && p.Role != MeetingRole.Secretary).Select(p => Guest(s, p))],
            AgendaItems = s.Agenda.Select((item, i) => Item(s, item, i + 1, speeches[item.Id])).ToList(),
            Signatories = [new Signatory(MinutesDecisions.SecretaryTitle, secretary.DisplayName), new Signatory(MinutesDecisions.ChairTitle, chair.DisplayName)],
        };
    }

    private static string NameOf(MeetingState s, string userName) =>
        s.Participants.FirstOrDefault(p => p.UserName == userName)?.DisplayName ?? userName;

    private static MinutesPerson Person(Participant p) => new(p.DisplayName, p.Position);

    private static Attendee Member(MeetingState s, Participant p)
    {
        var attendee = Attendee(p, p.Position, s.Attendance.FirstOrDefault(a => a.UserName == p.UserName));
        if (attendee.Status != AttendanceStatus.Absent)
        {
            return attendee;
        }

        var deputy = Seats.DeputyOf(s.Participants, p.UserName);
        var reason = p.Answer?.Reason;
        var note = deputy is null ? reason : string.IsNullOrEmpty(reason) ? $"ủy quyền {deputy.DisplayName} dự thay" : $"{reason}; ủy quyền {deputy.DisplayName} dự thay";
        return attendee with { Note = note };
    }

    private static Attendee Guest(MeetingState s, Participant p)
    {
        var position = p.DeputyFor is { } member ? $"{p.Position} (dự họp thay {NameOf(s, member)})"
            : p.Role == MeetingRole.Observer ? $"{p.Position} (theo dõi)"
            : $"{p.Position} (khách mời)";
        var attendee = Attendee(p, position, s.Attendance.FirstOrDefault(a => a.UserName == p.UserName));
        return attendee.Status == AttendanceStatus.Absent ? attendee with { Note = p.Answer?.Reason } : attendee;
    }

    private static Attendee Attendee(Participant p, string position, Presence? presence) =>
        presence?.FirstJoinedAt is not { } joined ? new Attendee(p.DisplayName, position, AttendanceStatus.Absent)
        : presence.JoinedLate ? new Attendee(p.DisplayName, position, AttendanceStatus.Late) { ArrivedAt = joined }
        : new Attendee(p.DisplayName, position, AttendanceStatus.Present);

    private static MinutesAgendaItem Item(MeetingState s, AgendaItem item, int number, IEnumerable<SpeechRecord> speeches)
    {
        var conclusion = s.Conclusions.FirstOrDefault(c => c.ItemId == item.Id && !c.Approved.IsDefaultOrEmpty);
        return new MinutesAgendaItem(number, item.Title)
        {
            Presenter = string.IsNullOrEmpty(item.Presenter) ? null : item.Presenter,
            AddedDuringMeeting = item.AddedDuringMeeting,
            Speakers = speeches.Select(sp => new Speaker(NameOf(s, sp.UserName), sp.StartedAt, TimeSpan.FromSeconds(sp.Seconds), sp.PointOfOrder)).ToList(),
            Polls = [.. s.Polls.Where(p => p.Motion.AgendaItemId == item.Id && p.Status != PollStatus.Open).Select(Poll), .. OpinionPolls(item.OpinionOutcome)],
            Conclusion = conclusion is null ? null : new Conclusion(conclusion.Approved) { ApprovedAt = conclusion.ApprovedAt },
            Documents = [.. Documents(s, item.Id), .. OpinionReport(item.OpinionOutcome)],
        };
    }

    /// <summary>Every issued version of the documents (of one item, or all when <paramref name="itemId"/> is null): title, version, SHA-256; never the bytes.</summary>
    public static List<MinutesDocument> Documents(MeetingState s, string? itemId = null) =>
        [.. s.Documents.Where(d => itemId is null || d.ItemId == itemId)
            .SelectMany(d => d.Versions.Select(v => new MinutesDocument(d.Title, v.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Sha256)))];

    /// <summary>An opinion ballot's result attached to the item: each question as decided, and which signed report says so.</summary>
    private static IEnumerable<MinutesPoll> OpinionPolls(Opinions.OpinionOutcome? outcome) =>
        outcome is null ? [] : outcome.Questions.Select(q => new MinutesPoll($"{outcome.Title} – {q.Text}",
            [.. q.Counts.Select(c => new PollCount(c.Label, c.Count))],
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"lấy ý kiến thành viên bằng phiếu điện tử; {outcome.Answered}/{outcome.Asked} thành viên đã trả lời"),
            q.Outcome)
        {
            Heading = "Kết quả lấy ý kiến bằng phiếu",
            Members = outcome.Asked,
        });

    /// <summary>The signed consolidated report of an opinion ballot attached to the item, named by its hash like the item's documents.</summary>
    private static IEnumerable<MinutesDocument> OpinionReport(Opinions.OpinionOutcome? outcome) =>
        outcome is null ? [] : [new MinutesDocument($"Báo cáo tổng hợp ý kiến: {outcome.Title}", "1", outcome.ReportSha256)];

    private static MinutesPoll Poll(Polls.PollView poll)
    {
        var rule = $"{ChoiceWords.Secrecy(poll.Motion.Secrecy)}; {ChoiceWords.Rule(poll.Motion.Majority.Kind)}";
        if (poll.Result is not { } result)
        {
            return new MinutesPoll(poll.Motion.Title, [], rule, $"Đã hủy: {poll.CancelReason}");
        }

        var counts = result.Tally.Counts.Select(c => new PollCount(ChoiceWords.Of(poll.Motion, c.Choice), (int)c.Votes)).ToList();
        return new MinutesPoll(poll.Motion.Title, counts, rule, result.Outcome.ExplanationVi) { Members = poll.MemberCount, Present = poll.PresentCount };
    }
}
