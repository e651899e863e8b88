using System.Collections.Immutable;
using System.Security.Cryptography;
using Cabinet.Errors;
using Cabinet.Storage;

namespace Cabinet.People;

public sealed class IntegrationClientsGrain(
    [PersistentState("integration-clients", StorageNames.People)] IPersistentState<IntegrationClientsState> state,
    TimeProvider clock,
    PasswordHash passwords) : Grain, IIntegrationClientsGrain
{
    private const int MaxName = 100;

    private string OrganizationId => this.GetPrimaryKeyString();

    public async Task<Result<IntegrationClientSecret>> RegisterAsync(Actor actor, string? name, ImmutableArray<string> scopes)
    {
        if (Refusal(actor) is { } refused)
        {
            return Result<IntegrationClientSecret>.Refused(refused);
        }

        var trimmed = name?.Trim();
        if (trimmed is not { Length: > 0 and <= MaxName } || scopes.IsDefaultOrEmpty || !scopes.All(IntegrationScopes.IsKnown))
        {
            return Result<IntegrationClientSecret>.Refused(ErrorCodes.ClientInvalidInput);
        }

        if (state.State.Clients.Length >= IntegrationClientIds.MaxPerOrganization)
        {
            return Result<IntegrationClientSecret>.Refused(ErrorCodes.ClientLimit);
        }

        var now = clock.GetUtcNow();
        var view = new IntegrationClientView($"{OrganizationId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}", trimmed,
            OrganizationId, [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], now, actor.UserName, now);
        var secret = NewSecret();
        await SaveAsync(state.State.Clients.Add(new StoredIntegrationClient(view, passwords.Create(secret))));
        return Result<IntegrationClientSecret>.Of(new IntegrationClientSecret(view, secret));
    }

    public Task<Result<ImmutableArray<IntegrationClientView>>> ListAsync(Actor actor) => Task.FromResult(Refusal(actor) is { } refused
        ? Result<ImmutableArray<IntegrationClientView>>.Refused(refused)
        : Result<ImmutableArray<IntegrationClientView>>.Of([.. state.State.Clients.Select(c => c.View)]));

    public async Task<Result<IntegrationClientSecret>> RotateSecretAsync(Actor actor, string clientId)
    {
        if (Refusal(actor, clientId) is { } refused)
        {
            return Result<IntegrationClientSecret>.Refused(refused);
        }

        var stored = Find(clientId)!;
        var secret = NewSecret();
        var rotated = new StoredIntegrationClient(stored.View with { SecretIssuedAt = clock.GetUtcNow() }, passwords.Create(secret));
        await SaveAsync(state.State.Clients.Replace(stored, rotated));
        return Result<IntegrationClientSecret>.Of(new IntegrationClientSecret(rotated.View, secret));
    }

    public async Task<CommandResult> RevokeAsync(Actor actor, string clientId)
    {
        if (Refusal(actor, clientId) is { } refused)
        {
            return CommandResult.Refused(refused);
        }

        await SaveAsync(state.State.Clients.Remove(Find(clientId)!));
        return CommandResult.Accepted(0);
    }

    public Task<IntegrationClientView?> AuthenticateAsync(string clientId, string secret)
    {
        if (Find(clientId) is not { } stored || string.IsNullOrEmpty(secret))
        {
            // An unknown client costs what a known one does, so a caller cannot tell them apart by time.
            passwords.VerifyDecoy(secret ?? "");
            return Task.FromResult<IntegrationClientView?>(null);
        }

        return Task.FromResult(passwords.Verify(secret, stored.SecretHash) == Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed
            ? null : stored.View);
    }

    public Task<bool> IsActiveAsync(string clientId) => Task.FromResult(Find(clientId) is not null);

    /// <summary>Only the organisation's administrators manage its clients, and only people: a client never makes another.</summary>
    private CabinetError? Refusal(Actor actor) =>
        actor.IsIntegrationClient ? ErrorCodes.NotAPerson
        : OrganizationPermissions.Administers(actor, OrganizationId) ? null
        : ErrorCodes.NotAdministratorOf;

    private CabinetError? Refusal(Actor actor, string clientId) => Refusal(actor) ?? (Find(clientId) is null ? ErrorCodes.ClientNotFound : null);

    private StoredIntegrationClient? Find(string clientId) => state.State.Clients.FirstOrDefault(c => c.View.ClientId == clientId);

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private Task SaveAsync(ImmutableArray<StoredIntegrationClient> clients)
    {
        state.State = state.State with { Clients = clients };
        return state.WriteStateAsync();
    }
}
