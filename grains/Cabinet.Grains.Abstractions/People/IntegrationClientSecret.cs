namespace Cabinet.People;

/// <summary>A client with its new secret: the only time the secret is ever seen (only its hash is kept).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.integration-client-secret")]
public sealed record IntegrationClientSecret(IntegrationClientView Client, string Secret);
