using System.Collections.Immutable;

namespace Cabinet.Integration;

[GenerateSerializer, Immutable, Alias("cabinet.webhook-subscription-input")]
public sealed record WebhookSubscriptionInput(string? Url, ImmutableArray<string> Events, string? Description = null);
