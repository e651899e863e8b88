namespace Cabinet.Web.Identity;

/// <summary>The body of <c>POST /api/auth/token/mfa</c>: the challenge of <c>auth.mfa_required</c> and a TOTP or recovery code.</summary>
public sealed record SecondFactorRequest(string? Challenge, string? Code);
