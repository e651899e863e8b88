namespace Cabinet.Closing;

/// <summary>Raised inside Cabinet when a meeting's archive is sealed; kept for delivery to other systems (document management, LGSP).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-archived")]
public sealed record MeetingArchived(string MeetingId, string OrganizationId, string Title, ArchiveInfo Archive);
