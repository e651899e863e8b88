namespace Cabinet.Web.Identity;

/// <summary>One account an administrator creates in their own organisation.</summary>
public sealed record NewUser(string? UserName, string? DisplayName, string? Position, string? Password);
