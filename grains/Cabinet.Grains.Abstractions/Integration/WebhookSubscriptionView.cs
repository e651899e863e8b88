using System.Collections.Immutable;

namespace Cabinet.Integration;

/// <summary>A subscription as its administrators see it: never its secret.</summary>
/// <param name="FailingSince">When the deliveries started failing without a success since; null while they succeed.</param>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-subscription-view")]
public sealed record WebhookSubscriptionView(
    string Id, string Url, ImmutableArray<string> Events, string? Description, bool Enabled, string? DisabledReason,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FailingSince, int Pending);
