using System.ComponentModel.DataAnnotations;

namespace Cabinet.Integration;

/// <summary>How long what Cabinet keeps only for looking back is kept (configuration section <c>Cabinet:Retention</c>).</summary>
public sealed record RetentionSettings
{
    public const string Section = "Cabinet:Retention";

    /// <summary>Finished deliveries and logged attempts older than this are dropped.</summary>
    [Range(1, 3650)]
    public int WebhookDeliveryDays { get; init; } = 30;

    /// <summary>At most this many finished deliveries, and attempts, per subscription (the newest).</summary>
    [Range(10, 10000)]
    public int WebhookLogEntries { get; init; } = 200;
}
