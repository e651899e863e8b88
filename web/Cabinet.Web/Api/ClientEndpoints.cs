using Cabinet.Audit;
using Cabinet.Identity;
using Cabinet.People;

namespace Cabinet.Web.Api;

/// <summary>
/// <c>/api/v1/clients</c>: an organisation's administrator registers, lists, re-keys and revokes its integration
/// clients (people only; the grain decides). A secret is in the answer once and never again. Every change is audited.
/// </summary>
public static class ClientEndpoints
{
    public static RouteGroupBuilder MapClientEndpoints(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Integration clients");
        clients.MapGet("", async (HttpContext http, IGrainFactory grains) =>
            ApiProblem.Of(await Clients(http, grains).ListAsync(Caller(http)), list => Results.Json(list)))
            .WithSummary("The organisation's integration clients").Produces<IntegrationClientView[]>();
        clients.MapPost("", async (NewClient? client, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
            {
                var registered = await Clients(http, grains).RegisterAsync(Caller(http), client?.Name, [.. client?.Scopes ?? []]);
                if (registered.Ok)
                {
                    await audit.RecordAsync(http, AuditKinds.ClientRegistered, $"{registered.Value!.Client.ClientId} ({registered.Value.Client.Name}): {string.Join(' ', registered.Value.Client.Scopes)}");
                }

                return ApiProblem.Of(registered, issued => Results.Json(issued, statusCode: StatusCodes.Status201Created));
            })
            .WithSummary("Registers a client; its secret is shown in this answer only").Produces<IntegrationClientSecret>(StatusCodes.Status201Created);
        clients.MapPost("/{clientId}/secret", async (string clientId, HttpContext http, IGrainFactory grains, AuditTrail audit, IntegrationClientTokens tokens) =>
            {
                var rotated = await Clients(http, grains).RotateSecretAsync(Caller(http), clientId);
                if (rotated.Ok)
                {
                    tokens.Changed(clientId, revoked: false);
                    await audit.RecordAsync(http, AuditKinds.ClientSecretRotated, clientId);
                }

                return ApiProblem.Of(rotated, issued => Results.Json(issued));
            })
            .WithSummary("A new secret for a client (the old one stops working)").Produces<IntegrationClientSecret>();
        clients.MapDelete("/{clientId}", async (string clientId, HttpContext http, IGrainFactory grains, AuditTrail audit, IntegrationClientTokens tokens) =>
            {
                var revoked = await Clients(http, grains).RevokeAsync(Caller(http), clientId);
                if (revoked.Ok)
                {
                    tokens.Changed(clientId, revoked: true);
                    await audit.RecordAsync(http, AuditKinds.ClientRevoked, clientId);
                }

                return ApiProblem.Of(revoked, Results.NoContent);
            })
            .WithSummary("Revokes a client: its tokens stop working at once").Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static Actor Caller(HttpContext http) => CabinetClaims.ToActor(http.User)!;

    private static IIntegrationClientsGrain Clients(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<IIntegrationClientsGrain>(Caller(http).OrganizationId);
}
