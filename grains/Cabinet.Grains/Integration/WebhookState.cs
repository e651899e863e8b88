using System.Collections.Immutable;

namespace Cabinet.Integration;

[GenerateSerializer]
public sealed record WebhookState
{
    [Id(0)] public ImmutableArray<WebhookSubscription> Subscriptions { get; init; } = [];

    [Id(1)] public ImmutableArray<WebhookDelivery> Deliveries { get; init; } = [];

    [Id(2)] public ImmutableArray<LoggedAttempt> Attempts { get; init; } = [];
}

/// <param name="Secret">The signing key, <c>whsec_</c> + base64; it must be kept to sign, so it is stored as it is.</param>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-subscription")]
public sealed record WebhookSubscription(
    string Id,
    string Url,
    string Secret,
    ImmutableArray<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? FailingSince);

/// <param name="Status">pending, delivered, failed or dropped (<see cref="WebhookDeliveryView.Status"/>).</param>
/// <param name="NextAttemptAt">While pending: when it is due (or, while an attempt is leased, when the lease ends).</param>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-delivery")]
public sealed record WebhookDelivery(
    string Id,
    string SubscriptionId,
    string EventId,
    string Type,
    string Body,
    DateTimeOffset CreatedAt,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? FirstAttemptAt,
    DateTimeOffset? FinishedAt)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Dropped = "dropped";

    public bool IsPending => Status == Pending;

    public WebhookDeliveryView ToView() => new(Id, EventId, Type, CreatedAt, Status, Attempts, IsPending ? NextAttemptAt : null);
}

[GenerateSerializer, Immutable, Alias("cabinet.webhook-logged-attempt")]
public sealed record LoggedAttempt(string SubscriptionId, WebhookLogEntry Entry);
