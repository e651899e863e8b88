using System.Globalization;
using System.Text;

namespace Cabinet.Records.Pdf;

/// <summary>PDF text strings and dates (ISO 32000-1 §7.9.2, §7.9.4).</summary>
internal static class PdfText
{
    public static string Decode(byte[] value) =>
        value is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode.GetString(value, 2, value.Length - 2) : Encoding.Latin1.GetString(value);

    public static string Date(DateTimeOffset at)
    {
        var offset = at.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture,
            $"D:{at:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}'");
    }

    public static DateTimeOffset? ParseDate(string text)
    {
        var value = text.StartsWith("D:", StringComparison.Ordinal) ? text[2..] : text;
        if (value.Length < 14 || !DateTime.TryParseExact(value[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = value[14..].Replace("'", "", StringComparison.Ordinal);
        if (zone.Length >= 5 && zone[0] is '+' or '-'
            && int.TryParse(zone[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours <= 14
            && int.TryParse(zone[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes < 60)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
        }

        return new DateTimeOffset(local, TimeSpan.Zero);
    }
}
