namespace Cabinet.Records.Minutes;

/// <summary>One line of the attendance: who, in which position, present, late (arrival time) or absent (reason).</summary>
public sealed record Attendee(string Name, string? Position, AttendanceStatus Status)
{
    public DateTimeOffset? ArrivedAt { get; init; }

    public string? Note { get; init; }
}
