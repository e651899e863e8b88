using System.Text;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Corrects the /CreationDate and /ModDate that Skia writes in the document information dictionary.
/// </summary>
/// <remarks>
/// SkiaSharp 4.155 takes the time-zone part of those dates from the local machine and gets it wrong when the local
/// and UTC dates differ: in Việt Nam (UTC+7) between 00:00 and 06:59 it writes "-17'00'" instead of "+07'00'", and
/// a UTC <see cref="DateTime"/> is labelled with the local offset. Both dates are rewritten in place with a string of
/// the same length, so no byte offset in the file moves.
/// </remarks>
internal static class PdfInfoDates
{
    private static readonly string[] _keys = ["/CreationDate (", "/ModDate ("];

    /// <returns>How many dates were rewritten.</returns>
    public static int Rewrite(byte[] pdf, DateTimeOffset when)
    {
        var replacement = Encoding.ASCII.GetBytes(PdfText.Date(when));
        var rewritten = 0;
        foreach (var key in _keys)
        {
            var marker = Encoding.ASCII.GetBytes(key);
            for (var at = pdf.AsSpan().IndexOf(marker); at >= 0;)
            {
                var start = at + marker.Length;
                var length = pdf.AsSpan(start).IndexOf((byte)')');
                if (length == replacement.Length && pdf.AsSpan(start).StartsWith("D:"u8))
                {
                    replacement.CopyTo(pdf, start);
                    rewritten++;
                }

                var next = pdf.AsSpan(start).IndexOf(marker);
                at = next < 0 ? -1 : start + next;
            }
        }

        return rewritten;
    }
}
