namespace Cabinet.Web.Identity;

/// <summary>The body of <c>POST /api/admin/users/{userName}/password</c>: a temporary password, to be changed at the next sign-in.</summary>
public sealed record PasswordResetRequest(string? Password);
