namespace Cabinet.Web.Identity;

/// <summary>A token request; <see cref="NewPassword"/> completes a sign-in that needs a password change.</summary>
public sealed record TokenRequest(string? UserName, string? Password, string? NewPassword = null);
