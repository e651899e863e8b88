namespace Cabinet.Web.Identity;

/// <summary>The body of <c>PUT /api/admin/users/{userName}</c>.</summary>
/// <param name="Email">Null: unchanged; empty: cleared. Likewise <paramref name="Phone"/>.</param>
public sealed record ProfileChange(string? DisplayName, string? Position, string? Email = null, string? Phone = null);
