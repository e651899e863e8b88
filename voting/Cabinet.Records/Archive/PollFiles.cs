using System.Text;
using System.Text.Json;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Polls;

namespace Cabinet.Records.Archive;

/// <summary>Reads a poll folder's files for the checks: the signed result and the JSON-lines files beside it.</summary>
internal static class PollFiles
{
    public const string Ballots = ArchivePaths.PollBallots;

    public static bool IsIn(string path, string name) => path.StartsWith("polls/", StringComparison.Ordinal) && path.EndsWith("/" + name, StringComparison.Ordinal)
        && path.Count(c => c == '/') == 2;

    public static string PollId(string path) => path["polls/".Length..path.LastIndexOf('/')];

    public static string Sibling(string path, string name) => path[..(path.LastIndexOf('/') + 1)] + name;

    // A result omits its null members (a yes/no outcome's winner) as canonical JSON does, so members are not all required;
    // the ones every check relies on are checked here instead.
    private static readonly JsonSerializerOptions ResultOptions = new(ArchiveJson.Options) { RespectRequiredConstructorParameters = false };

    /// <exception cref="JsonException">The result is not a Cabinet poll result.</exception>
    public static PollResultDocument Result(byte[] json)
    {
        var result = JsonSerializer.Deserialize<PollResultDocument>(json, ResultOptions) ?? throw new JsonException(ReportLanguage.Say("null ở chỗ cần kết quả biểu quyết", "null where a poll result belongs"));
        var missing = new (string Name, object? Value)[]
        {
            ("meetingId", result.MeetingId), ("pollId", result.PollId), ("motion", result.Motion), ("eligibility", result.Eligibility),
            ("tally", result.Tally), ("outcome", result.Outcome), ("chainHead", result.ChainHead),
        }.FirstOrDefault(m => m.Value is null);
        if (missing.Name is not null)
        {
            throw new JsonException(ReportLanguage.Say($"thiếu \"{missing.Name}\"", $"it has no \"{missing.Name}\""));
        }

        // The recount applies the signed motion and eligibility: they must be ones a poll could have been opened with.
        if (result.Motion.Validate() is [var motionError, ..])
        {
            throw new JsonException(ReportLanguage.Say($"nội dung biểu quyết (motion) không hợp lệ để mở biểu quyết ({motionError.Code})",
                $"its motion is not one a poll can be opened with ({motionError.Code})"));
        }

        return result.Eligibility.Validate() is { } eligibilityError
            ? throw new JsonException(ReportLanguage.Say($"danh sách người có quyền biểu quyết (eligibility) không hợp lệ ({eligibilityError.Code})",
                $"its eligibility is not one a poll can be frozen with ({eligibilityError.Code})"))
            : result;
    }

    /// <returns>The lines as records, or the 1-based number of the first line that is not one and why.</returns>
    public static (List<T> Items, string? Problem) Lines<T>(byte[] content, string what)
    {
        var items = new List<T>();
        var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                items.Add(ArchiveJson.Deserialize<T>(Encoding.UTF8.GetBytes(lines[i])));
            }
            catch (JsonException e)
            {
                return (items, ReportLanguage.Say($"dòng {i + 1} không phải {what} ({ArchiveJson.Reason(e)})", $"line {i + 1} is not {what} ({ArchiveJson.Reason(e)})"));
            }
        }

        return (items, null);
    }

    public static (List<BallotChainEntry> Items, string? Problem) Chain(byte[] content) => Lines<BallotChainEntry>(content, ReportLanguage.Say("một mục của chuỗi phiếu", "a ballot chain entry"));
}
