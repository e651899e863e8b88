namespace Cabinet.Integration;

/// <summary>One attempt to make: where, with which secret, the delivery's id (the <c>webhook-id</c>) and body.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.webhook-send")]
public sealed record WebhookSend(string DeliveryId, string SubscriptionId, int Attempt, string Url, string Secret, string Body);
