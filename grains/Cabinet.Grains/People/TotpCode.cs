using OtpNet;

namespace Cabinet.People;

/// <summary>RFC 6238 codes (SHA-1, 6 digits, 30 s) by Otp.NET; a code of the step before or after now is accepted too (clock drift).</summary>
internal static class TotpCode
{
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <returns>The time step the code belongs to, or null when it matches none near <paramref name="now"/>.</returns>
    public static long? StepOf(string secret, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }
}
