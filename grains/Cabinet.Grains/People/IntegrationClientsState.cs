using System.Collections.Immutable;

namespace Cabinet.People;

[GenerateSerializer]
public sealed record IntegrationClientsState
{
    [Id(0)] public ImmutableArray<StoredIntegrationClient> Clients { get; init; } = [];
}

/// <summary>A client as stored: its view and the hash of its current secret (<see cref="PasswordHash"/>).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.stored-integration-client")]
public sealed record StoredIntegrationClient([property: Id(0)] IntegrationClientView View, [property: Id(1)] string SecretHash);
