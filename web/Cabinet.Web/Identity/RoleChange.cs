namespace Cabinet.Web.Identity;

/// <summary>The body of <c>PUT /api/admin/users/{userName}/role</c>: "member", "organizer" or "administrator".</summary>
public sealed record RoleChange(string? Role);
