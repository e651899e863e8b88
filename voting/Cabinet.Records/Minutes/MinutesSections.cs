using System.Globalization;
using Cabinet.Records.Pdf;
using static Cabinet.Records.Minutes.MinutesPdfWriter;

namespace Cabinet.Records.Minutes;

/// <summary>The body of the minutes: I. time, place and attendance; II. the agenda items; the closing line.</summary>
internal static class MinutesSections
{
    private const float Indent = 18;

    public static void Write(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        var offset = minutes.UtcOffset;
        flow.Paragraph("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", fonts.BodyBold, TextAlign.Left);
        flow.Paragraph($"1. Thời gian: bắt đầu lúc {VietnameseFormat.Clock(minutes.StartedAt, offset)}, "
            + $"{VietnameseFormat.Date(minutes.StartedAt, offset)}.", fonts.Body, indent: Indent);
        flow.Paragraph($"2. Địa điểm: {Text(minutes.Place)}.", fonts.Body, indent: Indent);
        flow.Paragraph($"3. Chủ trì: {Text(minutes.Chair.Name)}, {Text(minutes.Chair.Position)}.", fonts.Body, indent: Indent);
        flow.Paragraph($"4. Thư ký: {Text(minutes.Secretary.Name)}, {Text(minutes.Secretary.Position)}.", fonts.Body, indent: Indent);
        if (minutes.Attendance.Count > 0)
        {
            Attendance(flow, fonts, minutes);
        }

        if (minutes.Guests.Count > 0)
        {
            Guests(flow, fonts, minutes);
        }

        flow.Space(6);
        flow.Paragraph(Text(minutes.Wording.ContentHeading), fonts.BodyBold, TextAlign.Left);
        foreach (var item in minutes.AgendaItems)
        {
            AgendaItem(flow, fonts, item, offset);
        }

        flow.Space(4);
        flow.Paragraph(minutes.Wording.ClosingLine is { } closing ? Text(closing)
            : $"Cuộc họp kết thúc lúc {VietnameseFormat.Clock(minutes.EndedAt, offset)}, "
            + $"{VietnameseFormat.Date(minutes.EndedAt, offset)}. Biên bản được lập từ nhật ký điện tử của cuộc họp "
            + "và đã được thông qua trước các thành viên dự họp.", fonts.Body, indent: Indent);
    }

    private static void Attendance(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        var all = minutes.Attendance;
        var present = all.Count(a => a.Status != AttendanceStatus.Absent);
        var late = all.Count(a => a.Status == AttendanceStatus.Late);
        flow.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"5. Thành viên: có mặt {present}/{all.Count} thành viên (trong đó {late} đến muộn), vắng {all.Count - present}."),
            fonts.Body, indent: Indent);
        Table(flow, fonts, all, minutes.UtcOffset);
    }

    private static void Guests(PageFlow flow, MinutesFonts fonts, MinutesModel minutes)
    {
        var present = minutes.Guests.Count(a => a.Status != AttendanceStatus.Absent);
        flow.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"6. Khách mời và người dự họp thay (không tính vào số thành viên): {present}/{minutes.Guests.Count} người có mặt."),
            fonts.Body, indent: Indent);
        Table(flow, fonts, minutes.Guests, minutes.UtcOffset);
    }

    private static void Table(PageFlow flow, MinutesFonts fonts, IReadOnlyList<Attendee> people, TimeSpan offset)
    {
        float[] widths = [34, PageFlow.Width * 0.30f, PageFlow.Width * 0.34f, PageFlow.Width * 0.36f - 34];
        flow.Row(["STT", "Họ và tên", "Chức vụ", "Tình trạng"], widths, fonts.TableBold, center: true);
        for (var i = 0; i < people.Count; i++)
        {
            var a = people[i];
            flow.Row([(i + 1).ToString(CultureInfo.InvariantCulture), Text(a.Name), Text(a.Position ?? ""),
                Text(VietnameseFormat.Status(a, offset))], widths, fonts.Table);
        }

        flow.Space(6);
    }

    private static void AgendaItem(PageFlow flow, MinutesFonts fonts, MinutesAgendaItem item, TimeSpan offset)
    {
        flow.EnsureRoom(60);
        var added = item.AddedDuringMeeting ? " (bổ sung trong cuộc họp)" : "";
        flow.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{item.Number}. {Text(item.Title)}{added}"), fonts.BodyBold, indent: Indent);
        if (item.Presenter is { } presenter)
        {
            flow.Paragraph($"Trình bày: {Text(presenter)}.", fonts.Body, indent: Indent * 2);
        }

        if (item.Documents.Count > 0)
        {
            flow.Paragraph("Tài liệu:", fonts.Italic, indent: Indent * 2, after: 1);
            foreach (var document in item.Documents)
            {
                flow.Paragraph($"– {Text(document.Title)} (phiên bản {Text(document.Version)})", fonts.Body, indent: Indent * 2, hanging: 10, after: 0);
                flow.Paragraph($"SHA-256: {document.Sha256}", fonts.Small, TextAlign.Left, indent: Indent * 2 + 10);
            }
        }

        if (item.Speakers.Count > 0)
        {
            flow.Paragraph("Ý kiến phát biểu:", fonts.Italic, indent: Indent * 2, after: 1);
            foreach (var speaker in item.Speakers)
            {
                var order = speaker.PointOfOrder ? " – ý kiến về thủ tục" : "";
                flow.Paragraph($"– {VietnameseFormat.ShortClock(speaker.StartedAt, offset)} {Text(speaker.Name)} "
                    + $"({VietnameseFormat.Duration(speaker.Duration)}){order}.", fonts.Body, indent: Indent * 2, hanging: 10, after: 1);
            }
        }

        foreach (var poll in item.Polls)
        {
            Poll(flow, fonts, poll);
        }

        if (item.WrittenOpinions.Count > 0)
        {
            flow.Paragraph("Ý kiến khác:", fonts.Italic, indent: Indent * 2, after: 1);
            foreach (var opinion in item.WrittenOpinions)
            {
                flow.Paragraph($"– {Text(opinion)}", fonts.Body, indent: Indent * 2, hanging: 10, after: 1);
            }
        }

        if (item.Conclusion is { Paragraphs.Count: > 0 } conclusion)
        {
            flow.Paragraph("Kết luận:", fonts.BodyBold, indent: Indent * 2, after: 1);
            for (var i = 0; i < conclusion.Paragraphs.Count; i++)
            {
                flow.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {Text(conclusion.Paragraphs[i])}"),
                    fonts.Body, indent: Indent * 2, hanging: 14, after: 2);
            }
        }

        flow.Space(6);
    }

    private static void Poll(PageFlow flow, MinutesFonts fonts, MinutesPoll poll)
    {
        flow.Paragraph($"{Text(poll.Heading)}: {Text(poll.Title)}", fonts.Italic, indent: Indent * 2, after: 1);
        var counts = string.Join("; ", poll.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{Text(c.Choice)}: {c.Votes}")));
        var eligible = (poll.Members, poll.Present) switch
        {
            ({ } n, { } p) => string.Create(CultureInfo.InvariantCulture, $" (có mặt {p}/{n} thành viên; trên tổng số {n} thành viên)"),
            ({ } n, null) => string.Create(CultureInfo.InvariantCulture, $" (trên tổng số {n} thành viên)"),
            _ => "",
        };
        flow.Paragraph($"– Kết quả kiểm phiếu: {counts}{eligible}.", fonts.Body, indent: Indent * 2, hanging: 10, after: 1);
        flow.Paragraph($"– Nguyên tắc: {Text(poll.Rule)}.", fonts.Body, indent: Indent * 2, hanging: 10, after: 1);
        flow.Paragraph($"– Kết quả: {Text(poll.Outcome)}.", fonts.BodyBold, indent: Indent * 2, hanging: 10);
    }
}
