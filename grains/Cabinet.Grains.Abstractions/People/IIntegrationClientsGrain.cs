using System.Collections.Immutable;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>
/// An organisation's integration clients (keyed by organisation id): the systems
/// that call the REST API with their own credentials, never a person's password (at most
/// <see cref="IntegrationClientIds.MaxPerOrganization"/>). Managed by the organisation's administrators (people, not
/// clients); a revoked client is forgotten and its tokens stop working.
/// </summary>
[Alias("cabinet.IIntegrationClientsGrain")]
public interface IIntegrationClientsGrain : IGrainWithStringKey
{
    Task<Result<IntegrationClientSecret>> RegisterAsync(Actor actor, string? name, ImmutableArray<string> scopes);

    Task<Result<ImmutableArray<IntegrationClientView>>> ListAsync(Actor actor);

    /// <summary>A new secret; the old one stops working for new tokens at once.</summary>
    Task<Result<IntegrationClientSecret>> RotateSecretAsync(Actor actor, string clientId);

    Task<CommandResult> RevokeAsync(Actor actor, string clientId);

    /// <summary>The client when <paramref name="secret"/> is its current secret; null otherwise (unknown, revoked, wrong).</summary>
    Task<IntegrationClientView?> AuthenticateAsync(string clientId, string secret);

    /// <summary>Whether the client still exists (not revoked): asked for every request its tokens make.</summary>
    Task<bool> IsActiveAsync(string clientId);
}
