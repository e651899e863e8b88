namespace Cabinet.Web.Identity;

/// <summary>One account an administrator creates in their own organisation; <paramref name="Role"/> is "member" (default), "organizer" or "administrator".</summary>
public sealed record NewUser(string? UserName, string? DisplayName, string? Position, string? Password, string? Role = null, string? Email = null, string? Phone = null);
