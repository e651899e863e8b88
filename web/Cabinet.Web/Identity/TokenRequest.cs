namespace Cabinet.Web.Identity;

public sealed record TokenRequest(string? UserName, string? Password);
