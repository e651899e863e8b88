using System.Globalization;
using Cabinet.Records.Pdf;

namespace Cabinet.Records.Minutes;

/// <summary>What a visible signature on the minutes says: who signed, in what capacity, and when (Vietnam's time).</summary>
public static class SignatureAppearances
{
    /// <summary>Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving, so no time-zone database is needed.</summary>
    internal static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <param name="capacity">"THƯ KÝ", "CHỦ TỌA", or the organisation's "cơ quan" for the seal.</param>
    public static PdfSignatureAppearance For(SignatureSpot spot, string name, string capacity, DateTimeOffset signedAt, bool seal = false)
    {
        ArgumentNullException.ThrowIfNull(spot);
        var time = signedAt.ToOffset(Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        return new PdfSignatureAppearance(spot.Left, spot.Bottom, spot.Right, spot.Top,
            [seal ? "Đóng dấu: " + name : "Ký bởi: " + name, capacity, "Thời gian: " + time]) { Seal = seal };
    }
}
