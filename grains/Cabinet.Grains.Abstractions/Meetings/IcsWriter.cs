using System.Globalization;
using System.Text;

namespace Cabinet.Meetings;

/// <summary>
/// Invitations as iCalendar (RFC 5545): one invitation as a file (METHOD:REQUEST while the meeting stands, METHOD:CANCEL
/// once it is cancelled), or a person's feed of them; each event with the invitation's SEQUENCE so a calendar replaces
/// what it holds. Small enough not to need a library to write (the tests read it with Ical.Net).
/// </summary>
public static class IcsWriter
{
    public static string Write(InvitationView invitation, string attendeeName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return Calendar([invitation], attendeeName, now, invitation.Status == MeetingStatus.Cancelled ? "CANCEL" : "REQUEST", name: null);
    }

    /// <summary>
    /// A person's feed for a calendar app to subscribe to (METHOD:PUBLISH): one event per meeting with the same UID and
    /// SEQUENCE as the invitations, so an update replaces the event and a cancelled meeting shows as cancelled.
    /// </summary>
    public static string WriteFeed(IEnumerable<InvitationView> invitations, string attendeeName, DateTimeOffset now) =>
        Calendar(invitations, attendeeName, now, "PUBLISH", name: $"Cabinet — {attendeeName}");

    private static string Calendar(IEnumerable<InvitationView> invitations, string attendeeName, DateTimeOffset now, string method, string? name)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Cabinet//Phong hop khong giay//VI");
        Line(ics, $"METHOD:{method}");
        if (name is not null)
        {
            Line(ics, $"X-WR-CALNAME:{Escape(name)}");
        }

        foreach (var invitation in invitations)
        {
            Event(ics, invitation, attendeeName, now);
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static void Event(StringBuilder ics, InvitationView invitation, string attendeeName, DateTimeOffset now)
    {
        var cancelled = invitation.Status == MeetingStatus.Cancelled;
        var d = invitation.Details;
        var location = string.IsNullOrEmpty(d.OnlineLink) ? d.Place : $"{d.Place} — {d.OnlineLink}";
        Line(ics, "BEGIN:VEVENT");
        Line(ics, $"UID:{Escape(invitation.MeetingId)}@cabinet");
        Line(ics, $"SEQUENCE:{invitation.Sequence.ToString(CultureInfo.InvariantCulture)}");
        Line(ics, $"DTSTAMP:{Utc(now)}");
        Line(ics, $"DTSTART:{Utc(d.ScheduledStart)}");
        Line(ics, $"DTEND:{Utc(d.ScheduledStart.AddMinutes(invitation.PlannedMinutes))}");
        Line(ics, $"SUMMARY:{Escape(d.Title)}");
        Line(ics, $"LOCATION:{Escape(location)}");
        Line(ics, $"DESCRIPTION:{Escape($"{invitation.OrganizationName}. Chủ trì: {invitation.Chair}.")}");
        if (!string.IsNullOrEmpty(d.OnlineLink))
        {
            Line(ics, $"URL:{d.OnlineLink}");
        }

        Line(ics, $"ORGANIZER;CN={Escape(invitation.OrganizationName)}:urn:cabinet:org:{Escape(invitation.OrganizationId)}");
        Line(ics, $"ATTENDEE;CN={Escape(attendeeName)};PARTSTAT={PartStat(invitation.Answer)}:urn:cabinet:user");
        Line(ics, $"STATUS:{(cancelled ? "CANCELLED" : "CONFIRMED")}");
        Line(ics, "END:VEVENT");
    }

    private static string PartStat(InvitationAnswer? answer) => answer?.Kind switch
    {
        AnswerKind.Attending => "ACCEPTED",
        AnswerKind.Absent or AnswerKind.Deputy => "DECLINED",
        _ => "NEEDS-ACTION",
    };

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string? text) =>
        (text ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Content lines end in CRLF and fold at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var bytes = 0;
        var start = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > (start ? 75 : 74))
            {
                ics.Append("\r\n ");
                bytes = 0;
                start = false;
            }

            ics.Append(rune.ToString());
            bytes += size;
        }

        ics.Append("\r\n");
    }
}
