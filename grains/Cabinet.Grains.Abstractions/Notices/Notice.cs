using System.Text.Json.Serialization;

namespace Cabinet.Notices;

/// <summary>
/// One thing a person is told. <paramref name="Id"/> names the occasion and the step (e.g.
/// "meeting.reminder-30m/{meetingId}/{start ticks}"): a box takes each id once, so a retried or repeated delivery of the
/// same step never reaches the person twice. <paramref name="Link"/> is a path in Cabinet ("/meetings/…");
/// <paramref name="Calendar"/> an iCalendar file sent with the e-mail, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.notice")]
public sealed record Notice(string Id, string Kind, string Title, string Body, string Link, DateTimeOffset At, string? Calendar = null)
{
    public const int MaxIdLength = 200;
    public const int MaxTitleLength = 300;
    public const int MaxBodyLength = 4000;
    public const int MaxCalendarLength = 16 * 1024;

    /// <summary>Whether the notice fits the box (bounded sizes, an id); a notice that does not is refused as a whole.</summary>
    [JsonIgnore]
    public bool IsValid =>
        !string.IsNullOrWhiteSpace(Id) && Id.Length <= MaxIdLength && !string.IsNullOrWhiteSpace(Kind) && Kind.Length <= 64
        && !string.IsNullOrWhiteSpace(Title) && Title.Length <= MaxTitleLength && (Body?.Length ?? 0) <= MaxBodyLength
        && (Link?.Length ?? 0) <= 500 && (Calendar?.Length ?? 0) <= MaxCalendarLength;
}
