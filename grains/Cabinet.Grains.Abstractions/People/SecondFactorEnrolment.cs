namespace Cabinet.People;

/// <summary>A TOTP secret (base32) waiting for its first code, and the <c>otpauth://</c> URI an authenticator app scans.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.second-factor-enrolment")]
public sealed record SecondFactorEnrolment(string Secret, string Uri)
{
    public const string Issuer = "Cabinet";

    public static SecondFactorEnrolment Of(string secret, string userName) =>
        new(secret, $"otpauth://totp/{System.Uri.EscapeDataString($"{Issuer}:{userName}")}?secret={secret}&issuer={Issuer}&algorithm=SHA1&digits=6&period=30");
}
