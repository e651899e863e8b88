namespace Cabinet.Records.Minutes;

/// <summary>
/// Everything the minutes of one meeting say, taken from the meeting's own record. Optional sections
/// (attendance, documents, speakers, polls, conclusions) are printed only when they hold something.
/// </summary>
/// <param name="Organisation">The issuing body as printed in the header, e.g. "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ".</param>
public sealed record MinutesModel(
    string Organisation,
    string MeetingTitle,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Place,
    MinutesPerson Chair,
    MinutesPerson Secretary)
{
    /// <summary>The governing body printed above the organisation, e.g. "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI".</summary>
    public string? ParentOrganisation { get; init; }

    /// <summary>The document number once issued, e.g. "12/BB-UBND"; blank dots are printed until then.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The place name in the date line ("Tân Phú, ngày … tháng … năm …").</summary>
    public string? Locality { get; init; }

    /// <summary>The members of the body (counted for quorum and votes): the total every paragraph of the minutes uses.</summary>
    public IReadOnlyList<Attendee> Attendance { get; init; } = [];

    /// <summary>Invited guests, observers and the people who attended in a member's place: listed, never counted.</summary>
    public IReadOnlyList<Attendee> Guests { get; init; } = [];

    public IReadOnlyList<MinutesAgendaItem> AgendaItems { get; init; } = [];

    /// <summary>Who signs at the bottom; when empty, the secretary (left) and the chair (right).</summary>
    public IReadOnlyList<Signatory> Signatories { get; init; } = [];

    /// <summary>The title, section heading and closing line; the minutes' own by default.</summary>
    public MinutesWording Wording { get; init; } = MinutesWording.Minutes;

    /// <summary>The time zone dates and times are printed in (Vietnam, UTC+7, by default).</summary>
    public TimeSpan UtcOffset { get; init; } = TimeSpan.FromHours(7);
}
