namespace Cabinet.Notices;

/// <summary>Where a notice goes besides the in-app centre, which always gets it.</summary>
public enum NoticeChannel
{
    Email = 0,
    Sms = 1,
}

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// How far one notice got on one channel: pending (waiting for its next attempt at <paramref name="NextAttemptAt"/>),
/// sent, or failed for good with the last <paramref name="Reason"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.notice-delivery")]
public sealed record NoticeDelivery(NoticeChannel Channel, DeliveryStatus Status, int Attempts, string? Reason, DateTimeOffset? NextAttemptAt);
