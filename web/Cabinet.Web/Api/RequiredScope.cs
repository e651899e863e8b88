namespace Cabinet.Web.Api;

/// <summary>
/// Endpoint metadata: the scope an integration client needs here (null: any client of the organisation). An API
/// endpoint without it is for people only. Checked in one place, <see cref="ApiAccess"/>.
/// </summary>
public sealed record RequiredScope(string? Scope);
