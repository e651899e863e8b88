namespace Cabinet.Web.Identity;

/// <summary>The body of <c>PUT /api/admin/users/{userName}</c>.</summary>
public sealed record ProfileChange(string? DisplayName, string? Position);
