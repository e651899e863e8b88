using System.Text.Json;
using Cabinet.Records.Minutes;

namespace Cabinet.Records.Archive;

/// <summary>
/// What access-summary.json must satisfy (when the archive has one; archives sealed before it existed have none): a
/// summary whose counts are whole and add up — each version's totals are the sum of its people's — each person once
/// per version, and every version one that documents.json lists.
/// </summary>
internal static class AccessSummaryCheck
{
    public static (bool Ok, string? Detail, string Code) Check(byte[] content, Func<string, byte[]?> read)
    {
        const string code = VerdictCodes.AccessSummaryInvalid;
        AccessSummary summary;
        List<MinutesDocument> listed;
        try
        {
            summary = ArchiveJson.Deserialize<AccessSummary>(content);
            listed = read(ArchivePaths.Documents) is { } documents ? ArchiveJson.Deserialize<List<MinutesDocument>>(documents) : [];
        }
        catch (JsonException e)
        {
            return (false, ReportLanguage.Say($"không phải bản tổng hợp truy cập ({ArchiveJson.Reason(e)})", $"not an access summary ({ArchiveJson.Reason(e)})"), code);
        }

        foreach (var version in summary.Versions ?? [])
        {
            var name = ReportLanguage.Say($"\"{version?.Title}\" phiên bản {version?.Version}", $"\"{version?.Title}\" version {version?.Version}");
            if (version?.People is not { } people || people.Any(p => p is null || p.Opens < 0 || p.Downloads < 0 || p.Prints < 0))
            {
                return (false, ReportLanguage.Say($"{name}: không có danh sách người, hoặc có số đếm âm", $"{name} has no list of people, or a count below zero"), code);
            }

            if (people.Sum(p => p.Opens) != version.Opens || people.Sum(p => p.Downloads) != version.Downloads || people.Sum(p => p.Prints) != version.Prints)
            {
                return (false, ReportLanguage.Say($"{name}: tổng cộng không bằng tổng số đếm của từng người", $"{name}: its totals are not the sum of its people's counts"), code);
            }

            if (people.Select(p => p.UserName).Distinct(StringComparer.Ordinal).Count() != people.Count)
            {
                return (false, ReportLanguage.Say($"{name}: đếm một người hai lần", $"{name} counts a person twice"), code);
            }

            if (!listed.Any(d => d?.Sha256 == version.Sha256 && d.Version == version.Version))
            {
                return (false, ReportLanguage.Say($"{name} ({Short(version.Sha256)}…) không phải phiên bản có trong {ArchivePaths.Documents}", $"{name} ({Short(version.Sha256)}…) is not a version {ArchivePaths.Documents} lists"), code);
            }
        }

        var versions = summary.Versions?.Count ?? 0;
        var (opens, downloads, prints) = (summary.Versions?.Sum(v => v.Opens) ?? 0, summary.Versions?.Sum(v => v.Downloads) ?? 0, summary.Versions?.Sum(v => v.Prints) ?? 0);
        return (true, ReportLanguage.Say(
            $"đã đếm truy cập {versions} phiên bản tài liệu: {opens} lượt mở, {downloads} lượt tải, {prints} lượt in, mỗi phiên bản đều có trong danh sách",
            $"access counted for {versions} document version(s): {opens} openings, {downloads} downloads, {prints} prints, each a listed version"), code);
    }

    private static string? Short(string? sha256) => sha256?[..Math.Min(12, sha256.Length)];
}
