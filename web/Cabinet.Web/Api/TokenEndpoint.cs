using System.Net.Http.Headers;
using System.Text;
using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Web.Hosting;

namespace Cabinet.Web.Api;

/// <summary>
/// <c>POST /api/v1/token</c>: OAuth 2.0 client credentials (RFC 6749 §4.4). The client id and secret come as form
/// fields or HTTP Basic; the answer is a short-lived bearer token for the client's scopes (or the subset asked for).
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/api/v1/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IssueAsync)
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(CabinetRateLimiting.SignInPolicy)
            .Accepts<TokenForm>("application/x-www-form-urlencoded")
            .Produces<TokenAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("Tokens").WithSummary("A bearer token for an integration client (client_credentials)")
            .WithDescription("Form fields grant_type=client_credentials, client_id, client_secret (or HTTP Basic), optional scope (space-separated, a subset of the client's).");
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, IGrainFactory grains, IntegrationClientTokens tokens, AuditTrail audit)
    {
        if (!http.Request.HasFormContentType)
        {
            return ApiProblem.Of(ErrorCodes.Invalid("Cần gửi dạng application/x-www-form-urlencoded với grant_type=client_credentials."));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            return ApiProblem.Of(ErrorCodes.Invalid("Chỉ hỗ trợ grant_type=client_credentials."));
        }

        var (clientId, secret) = BasicCredentials(http.Request) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        var client = IntegrationClientIds.OrganizationOf(clientId) is { } organization
            ? await grains.GetGrain<IIntegrationClientsGrain>(organization).AuthenticateAsync(clientId, secret)
            : null;
        if (client is null)
        {
            await audit.RecordAsync(http, AuditKinds.ClientTokenRefused, $"client {Shorten(clientId)}", IntegrationClientIds.ActorName(Shorten(clientId)), "");
            return ApiProblem.Of(ErrorCodes.ClientInvalid);
        }

        var asked = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (asked.Except(client.Scopes, StringComparer.Ordinal).Any())
        {
            return ApiProblem.Of(ErrorCodes.ScopeMissing);
        }

        var scopes = asked.Length > 0 ? asked.Distinct(StringComparer.Ordinal).ToArray() : [.. client.Scopes];
        await audit.RecordAsync(http, AuditKinds.ClientTokenIssued, $"client {client.ClientId}: {string.Join(' ', scopes)}",
            IntegrationClientIds.ActorName(client.ClientId), client.OrganizationId);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new TokenAnswer(tokens.Issue(client, scopes), "Bearer", (long)IntegrationClientTokens.Lifetime.TotalSeconds, string.Join(' ', scopes)));
    }

    private static (string, string)? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Shorten(string? value) => value is { Length: > 100 } ? value[..100] : value ?? "";

    /// <summary>The form of a token request, for the OpenAPI document.</summary>
    public sealed record TokenForm(
        [property: System.Text.Json.Serialization.JsonPropertyName("grant_type")] string GrantType,
        [property: System.Text.Json.Serialization.JsonPropertyName("client_id")] string? ClientId,
        [property: System.Text.Json.Serialization.JsonPropertyName("client_secret")] string? ClientSecret,
        [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string? Scope);

    /// <summary>RFC 6749 §5.1.</summary>
    public sealed record TokenAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn,
        [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);
}
