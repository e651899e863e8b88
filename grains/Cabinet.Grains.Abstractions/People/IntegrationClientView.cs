using System.Collections.Immutable;

namespace Cabinet.People;

/// <summary>A registered integration client as its administrators see it (never its secret or the secret's hash).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.integration-client")]
public sealed record IntegrationClientView(
    string ClientId, string Name, string OrganizationId, ImmutableArray<string> Scopes, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset SecretIssuedAt);
