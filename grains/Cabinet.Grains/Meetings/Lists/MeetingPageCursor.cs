using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Cabinet.Meetings;

/// <summary>
/// Where a page of "my meetings" ends: the boundary between upcoming and past fixed by the first page (so a page
/// turn never moves a meeting between the two), the part, and the last meeting shown (a key, not an offset, so
/// meetings added meanwhile neither repeat nor shift the rest). Opaque to clients: base64url of dotted fields.
/// </summary>
internal sealed record MeetingPageCursor(DateTimeOffset Boundary, MeetingPagePart Part, DateTimeOffset? LastStart, string? LastId)
{
    public static MeetingPageCursor Start(DateTimeOffset boundary) => new(boundary, MeetingPagePart.Upcoming, null, null);

    public string Format() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Join('.', (int)Part, Boundary.UtcTicks, LastStart?.UtcTicks ?? 0, LastId ?? "")));

    public static MeetingPageCursor? Parse(string text)
    {
        if (text.Length > 400 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('.', 4);
        if (fields.Length != 4 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var part) || !Enum.IsDefined((MeetingPagePart)part)
            || !Ticks(fields[1], out var boundary) || !Ticks(fields[2], out var lastStart) || !MeetingKey.IsValid(fields[3]))
        {
            return null;
        }

        return new MeetingPageCursor(boundary, (MeetingPagePart)part, lastStart, fields[3]);
    }

    /// <summary>Whether a meeting of <paramref name="part"/> comes after this cursor.</summary>
    public bool Precedes(MeetingPagePart part, DateTimeOffset start, string meetingId)
    {
        if (part != Part || LastStart is not { } lastStart)
        {
            return part >= Part;
        }

        var order = start.CompareTo(lastStart) is var c and not 0 ? c : string.CompareOrdinal(meetingId, LastId);
        return part == MeetingPagePart.Upcoming ? order > 0 : order < 0;
    }

    private static bool Ticks(string text, out DateTimeOffset value)
    {
        value = default;
        if (!long.TryParse(text, CultureInfo.InvariantCulture, out var ticks) || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
