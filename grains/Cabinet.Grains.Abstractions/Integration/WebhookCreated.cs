namespace Cabinet.Integration;

/// <summary>A new subscription and its signing secret (<c>whsec_</c> + base64), shown once.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-created")]
public sealed record WebhookCreated(WebhookSubscriptionView Subscription, string Secret);
