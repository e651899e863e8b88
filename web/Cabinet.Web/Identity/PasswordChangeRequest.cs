namespace Cabinet.Web.Identity;

/// <summary>The body of <c>POST /api/account/password</c>.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
