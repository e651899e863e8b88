using System.Collections.Immutable;

namespace Cabinet.Integration;

[GenerateSerializer, Immutable, Alias("cabinet.webhook-delivery-log")]
public sealed record WebhookDeliveryLog(ImmutableArray<WebhookDeliveryView> Deliveries, ImmutableArray<WebhookLogEntry> Attempts);

/// <param name="Status">pending, delivered, failed (given up) or dropped (too many waiting).</param>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-delivery-view")]
public sealed record WebhookDeliveryView(
    string Id, string EventId, string Type, DateTimeOffset CreatedAt, string Status, int Attempts, DateTimeOffset? NextAttemptAt);

/// <summary>One attempt to deliver: when, its number, what the receiver answered.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-log-entry")]
public sealed record WebhookLogEntry(string DeliveryId, int Attempt, DateTimeOffset At, bool Delivered, int? StatusCode, string? Error);
