namespace Cabinet.Web.Identity;

/// <summary>The body of <c>/api/auth/refresh</c> and <c>/api/auth/revoke</c>.</summary>
public sealed record RefreshRequest(string? RefreshToken);
