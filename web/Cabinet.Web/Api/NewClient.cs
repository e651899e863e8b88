namespace Cabinet.Web.Api;

/// <summary>An integration client to register: a name and its scopes (from <see cref="People.IntegrationScopes.All"/>).</summary>
public sealed record NewClient(string? Name, string[]? Scopes);
